/** Why a row (or the file) was refused: a stable code, and the message in Vietnamese and English. */
export interface ImportProblem {
  /** The row number a person sees in the file (0 for the file as a whole). */
  row: number;
  /** The header as written in the file, or the field's name when the column is missing. */
  column: string;
  code: string;
  vi: string;
  en: string;
}

type Message = (v: Record<string, string>) => { vi: string; en: string };

/** The messages of each code, Vietnamese first. */
const MESSAGES: Record<string, Message> = {
  MISSING_COLUMN: (v) => ({ vi: `Thiếu cột ${v.field}`, en: `Column ${v.field} is missing` }),
  EMPTY: () => ({ vi: 'Ô trống', en: 'Empty cell' }),
  NOT_A_NUMBER: (v) => ({ vi: `Không phải số: ${v.value}`, en: `Not a number: ${v.value}` }),
  OUT_OF_RANGE: (v) => ({
    vi: `Ngoài khoảng cho phép (${v.range}): ${v.value}`,
    en: `Out of range (${v.range}): ${v.value}`,
  }),
  UNKNOWN_CLASSIFICATION: (v) => ({
    vi: `Phân loại phải là hộ nghèo hoặc hộ cận nghèo: ${v.value}`,
    en: `Classification must be hộ nghèo (poor) or hộ cận nghèo (near-poor): ${v.value}`,
  }),
  UNKNOWN_UNIT: (v) => ({
    vi: `Không có xã/phường "${v.value}" trong danh mục đơn vị năm ${v.year}`,
    en: `No commune "${v.value}" in the unit list of ${v.year}`,
  }),
  AMBIGUOUS_UNIT: (v) => ({
    vi: `Có nhiều xã/phường tên "${v.value}" (${v.candidates}): ghi mã xã hoặc huyện`,
    en: `Several communes are called "${v.value}" (${v.candidates}): give the commune code or the district`,
  }),
  UNIT_OUT_OF_SCOPE: (v) => ({
    vi: `Xã/phường ${v.value} không thuộc phạm vi nhập ${v.scope}`,
    en: `Commune ${v.value} is outside the import's scope ${v.scope}`,
  }),
  UNKNOWN_ETHNICITY: (v) => ({
    vi: `Dân tộc không có trong danh mục 54 dân tộc: ${v.value}`,
    en: `Not one of the 54 ethnic groups of the national list: ${v.value}`,
  }),
  UNKNOWN_INDICATOR: (v) => ({
    vi: `Chỉ số thiếu hụt không có trong chuẩn ${v.standard}: ${v.value}`,
    en: `Not a deprivation indicator of ${v.standard}: ${v.value}`,
  }),
  DUPLICATE_HOUSEHOLD: (v) => ({
    vi: `Mã hộ ${v.value} trùng với dòng ${v.other} (cùng xã, cùng năm)`,
    en: `Household code ${v.value} repeats row ${v.other} (same commune and year)`,
  }),
  INVALID_NATIONAL_ID: (v) => ({
    vi: `Số định danh phải có 9 hoặc 12 chữ số: ${v.value}`,
    en: `A national ID number has 9 or 12 digits: ${v.value}`,
  }),
  UNKNOWN_AREA: (v) => ({
    vi: `Khu vực phải là nông thôn hoặc thành thị: ${v.value}`,
    en: `Area must be rural or urban: ${v.value}`,
  }),
  ALREADY_FOLLOWED: (v) => ({
    vi: `Hộ ${v.value} đã được theo dõi: ghi kết quả rà soát năm ${v.year} thay vì nhập danh sách`,
    en: `Household ${v.value} is already followed up: record the ${v.year} review instead of importing a list`,
  }),
  INVALID_CHARACTERS: (v) => ({
    vi: `Có ký tự điều khiển hoặc ký tự đảo chiều văn bản (${v.character}), không được phép`,
    en: `Holds a control or bidirectional-override character (${v.character}), which is not allowed`,
  }),
  REFUSED: (v) => ({ vi: `Không ghi được: ${v.message}`, en: `Refused: ${v.message}` }),
};

/** A problem of a row, its message built from the code. */
export function problem(
  row: number,
  column: string,
  code: keyof typeof MESSAGES & string,
  values: Record<string, string | number> = {},
): ImportProblem {
  const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, String(x)]));
  const build = MESSAGES[code] ?? (MESSAGES.REFUSED as Message);
  const message = build({ message: code, ...v });
  return { row, column, code, ...message };
}

const csvCell = (s: string | number) => {
  const text = String(s);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The problems as a CSV report (UTF-8 with a BOM, so spreadsheet programs read the accents). */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = [['dòng / row', 'cột / column', 'mã / code', 'lỗi', 'problem'].join(',')];
  for (const p of problems) lines.push([p.row, p.column, p.code, p.vi, p.en].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
