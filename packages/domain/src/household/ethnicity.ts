import { z } from 'zod';

/**
 * The 54 ethnic groups of Vietnam by their national code (danh mục các dân tộc Việt Nam, Decision
 * 121-TCTK/PPCĐ of 2 March 1979, as the statistics office uses it). `01` Kinh is the majority group:
 * a household whose head belongs to any other is an ethnic-minority household (hộ dân tộc thiểu số).
 * [verify] the spelling of each name against the office's current list.
 */
export const ETHNIC_GROUPS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['01', 'Kinh'],
  ['02', 'Tày'],
  ['03', 'Thái'],
  ['04', 'Hoa'],
  ['05', 'Khmer'],
  ['06', 'Mường'],
  ['07', 'Nùng'],
  ['08', 'Mông'],
  ['09', 'Dao'],
  ['10', 'Gia Rai'],
  ['11', 'Ngái'],
  ['12', 'Ê Đê'],
  ['13', 'Ba Na'],
  ['14', 'Xơ Đăng'],
  ['15', 'Sán Chay'],
  ['16', 'Cơ Ho'],
  ['17', 'Chăm'],
  ['18', 'Sán Dìu'],
  ['19', 'Hrê'],
  ['20', 'Mnông'],
  ['21', 'Ra Glai'],
  ['22', 'Xtiêng'],
  ['23', 'Bru - Vân Kiều'],
  ['24', 'Thổ'],
  ['25', 'Giáy'],
  ['26', 'Cơ Tu'],
  ['27', 'Gié Triêng'],
  ['28', 'Mạ'],
  ['29', 'Khơ Mú'],
  ['30', 'Co'],
  ['31', 'Tà Ôi'],
  ['32', 'Chơ Ro'],
  ['33', 'Kháng'],
  ['34', 'Xinh Mun'],
  ['35', 'Hà Nhì'],
  ['36', 'Chu Ru'],
  ['37', 'Lào'],
  ['38', 'La Chí'],
  ['39', 'La Ha'],
  ['40', 'Phù Lá'],
  ['41', 'La Hủ'],
  ['42', 'Lự'],
  ['43', 'Lô Lô'],
  ['44', 'Chứt'],
  ['45', 'Mảng'],
  ['46', 'Pà Thẻn'],
  ['47', 'Cơ Lao'],
  ['48', 'Cống'],
  ['49', 'Bố Y'],
  ['50', 'Si La'],
  ['51', 'Pu Péo'],
  ['52', 'Brâu'],
  ['53', 'Ơ Đu'],
  ['54', 'Rơ Măm'],
];

/** An ethnic group's code on the national list. */
export const EthnicityCode = z
  .enum(ETHNIC_GROUPS.map(([code]) => code) as [string, ...string[]])
  .describe(
    `Ethnic group by its national code (01 Kinh; any other is an ethnic minority): ${ETHNIC_GROUPS.map(([c, n]) => `${c} ${n}`).join(', ')}`,
  );
export type EthnicityCode = z.infer<typeof EthnicityCode>;

/** The majority group's code: every other is an ethnic minority. */
export const KINH = '01';

/** The name of an ethnic group, or undefined for a code not on the list. */
export const ethnicGroupName = (code: string): string | undefined => ETHNIC_GROUPS.find(([c]) => c === code)?.[1];
