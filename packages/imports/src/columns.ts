import { foldText } from '@benvung/domain';

/** What an import reads from a row. */
export const IMPORT_FIELDS = [
  'householdCode',
  'headName',
  'birthYear',
  'nationalId',
  'ethnicity',
  'memberCount',
  'village',
  'unitCode',
  'unitName',
  'districtName',
  'classification',
  'listYear',
  'income',
  'deprivations',
  'decisionNo',
  'area',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Headers as written in the sheets provinces keep, folded (no accents, lower case): the first that a
 * sheet has is read for the field. A mapping file names other headers.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  householdCode: ['ma ho', 'ma ho gia dinh', 'ma so ho', 'ma ho ngheo'],
  headName: ['ho va ten chu ho', 'ho ten chu ho', 'ten chu ho', 'chu ho'],
  birthYear: ['nam sinh', 'nam sinh chu ho'],
  nationalId: ['so cccd', 'cccd', 'so dinh danh', 'so cmnd', 'cmnd/cccd', 'so cmnd/cccd'],
  ethnicity: ['dan toc', 'dan toc chu ho'],
  memberCount: ['so nhan khau', 'so khau', 'nhan khau', 'so thanh vien'],
  village: ['thon/ap/ban', 'thon, ap, ban', 'thon/ap/ban/to dan pho', 'thon', 'ap', 'ban', 'to dan pho', 'thon/to'],
  unitCode: ['ma xa', 'ma xa/phuong', 'ma don vi', 'ma dvhc'],
  unitName: ['xa/phuong', 'xa/phuong/thi tran', 'xa, phuong', 'ten xa', 'xa', 'phuong', 'don vi'],
  districtName: ['huyen', 'quan/huyen', 'huyen/thi xa/thanh pho', 'quan, huyen'],
  classification: ['phan loai', 'phan loai ho', 'loai ho', 'ho ngheo/can ngheo'],
  listYear: ['nam', 'nam danh sach', 'nam ra soat', 'danh sach nam'],
  income: ['thu nhap binh quan', 'thu nhap binh quan dau nguoi', 'thu nhap binh quan/nguoi/thang', 'thu nhap'],
  deprivations: ['cac chi so thieu hut', 'chi so thieu hut', 'thieu hut', 'cac chi so thieu hut dich vu xa hoi co ban'],
  decisionNo: ['so quyet dinh', 'quyet dinh', 'so qd'],
  area: ['khu vuc', 'nong thon/thanh thi'],
};

/** A mapping file: which header (as written) holds each field, where the defaults do not fit. */
export interface ColumnMapping {
  columns?: Partial<Record<ImportField, string>>;
  sheet?: string;
  headerRow?: number;
}

/** Which column (0-based) holds each field found, from the mapping or the headers. */
export function mapColumns(
  headers: readonly string[],
  mapping: ColumnMapping = {},
): Partial<Record<ImportField, number>> {
  const folded = headers.map((h) => foldText(h));
  const out: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const named = mapping.columns?.[field];
    const candidates = named !== undefined ? [foldText(named)] : SYNONYMS[field];
    const index = candidates.map((c) => folded.indexOf(c)).find((i) => i >= 0);
    if (index !== undefined) out[field] = index;
  }
  // "Xã/phường" by name and "Mã xã" by code may both be there: the code wins, the name checks it.
  return out;
}

/** The fields a row cannot do without. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'householdCode',
  'headName',
  'memberCount',
  'classification',
  'listYear',
];
