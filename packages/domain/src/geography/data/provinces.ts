import { addDays } from '../../shared/dates.js';
import { type AdminUnit, type CrosswalkEntry, PROVINCE_MERGER_DATE } from '../units.js';

/**
 * The 63 provinces under Decision 124/2004/QĐ-TTg and the 34 after the 2025 merger, with the
 * crosswalk. Codes and compositions checked against two public sources (the province conversion
 * table of sunshine-tech/VietnamProvinces and the 34-province list and "before the merger" table of
 * thanglequoc/vietnamese-provinces-database); they agree on every row (Tiền Giang 82 → 82 only).
 */
const OLD_PROVINCES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['01', 'Hà Nội'],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng'],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Huế'],
  ['48', 'Đà Nẵng'],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa – Vũng Tàu'],
  ['79', 'Hồ Chí Minh City'],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ'],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
];

/** The 34 provinces and the old provinces each was formed from. */
const NEW_PROVINCES: ReadonlyArray<readonly [code: string, name: string, from: readonly string[]]> = [
  ['01', 'Hà Nội', ['01']],
  ['04', 'Cao Bằng', ['04']],
  ['08', 'Tuyên Quang', ['02', '08']],
  ['11', 'Điện Biên', ['11']],
  ['12', 'Lai Châu', ['12']],
  ['14', 'Sơn La', ['14']],
  ['15', 'Lào Cai', ['10', '15']],
  ['19', 'Thái Nguyên', ['06', '19']],
  ['20', 'Lạng Sơn', ['20']],
  ['22', 'Quảng Ninh', ['22']],
  ['24', 'Bắc Ninh', ['24', '27']],
  ['25', 'Phú Thọ', ['17', '25', '26']],
  ['31', 'Hải Phòng', ['30', '31']],
  ['33', 'Hưng Yên', ['33', '34']],
  ['37', 'Ninh Bình', ['35', '36', '37']],
  ['38', 'Thanh Hóa', ['38']],
  ['40', 'Nghệ An', ['40']],
  ['42', 'Hà Tĩnh', ['42']],
  ['44', 'Quảng Trị', ['44', '45']],
  ['46', 'Huế', ['46']],
  ['48', 'Đà Nẵng', ['48', '49']],
  ['51', 'Quảng Ngãi', ['51', '62']],
  ['52', 'Gia Lai', ['52', '64']],
  ['56', 'Khánh Hòa', ['56', '58']],
  ['66', 'Đắk Lắk', ['54', '66']],
  ['68', 'Lâm Đồng', ['60', '67', '68']],
  ['75', 'Đồng Nai', ['70', '75']],
  ['79', 'Hồ Chí Minh City', ['74', '77', '79']],
  ['80', 'Tây Ninh', ['72', '80']],
  ['82', 'Đồng Tháp', ['82', '87']],
  ['86', 'Vĩnh Long', ['83', '84', '86']],
  ['91', 'An Giang', ['89', '91']],
  ['92', 'Cần Thơ', ['92', '93', '94']],
  ['96', 'Cà Mau', ['95', '96']],
];

const lastOldDay = addDays(PROVINCE_MERGER_DATE, -1);

/** A province untouched by the merger is one unit throughout; the others end and begin. */
const unchanged = new Set(
  NEW_PROVINCES.filter(([code, , from]) => from.length === 1 && from[0] === code).map((p) => p[0]),
);

function buildUnits(): AdminUnit[] {
  const units: AdminUnit[] = [];
  for (const [code, name] of OLD_PROVINCES) {
    if (unchanged.has(code)) units.push({ code, name, level: 'province' });
    else units.push({ code, name, level: 'province', validTo: lastOldDay });
  }
  for (const [code, name] of NEW_PROVINCES) {
    if (!unchanged.has(code)) units.push({ code, name, level: 'province', validFrom: PROVINCE_MERGER_DATE });
  }
  return units;
}

/** Province versions before and after the merger. */
export const PROVINCE_UNITS: readonly AdminUnit[] = buildUnits();

/** Old province → new province, for every province that changed. */
export const PROVINCE_CROSSWALK: readonly CrosswalkEntry[] = NEW_PROVINCES.filter(
  ([code]) => !unchanged.has(code),
).flatMap(([toCode, , from]) => from.map((fromCode) => ({ fromCode, toCode, effectiveOn: PROVINCE_MERGER_DATE })));

/** Counts, for tests and documentation: 63 before, 34 after. */
export const PROVINCE_COUNTS = { before: OLD_PROVINCES.length, after: NEW_PROVINCES.length } as const;
