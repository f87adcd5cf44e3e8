import type { ColumnMapping, ImportInput } from '../api/start-import';

/** What an import reads from a row (the imports package's fields), in the order of the usual template. */
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

/** The upload form as typed: empty texts and unset numbers included. */
export interface ImportFields {
  file: File | null;
  unitScope: string;
  dryRun: boolean;
  importGoodRows: boolean;
  /** Percent (0–100), or '' for the server's default. */
  maxErrorRate: number | '';
  columns: Record<ImportField, string>;
  sheet: string;
  headerRow: number | '';
}

export const emptyColumns = () => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as Record<ImportField, string>;

/** The form's values as the upload: empty mapping entries left out, the rate as a share. */
export function toImportInput(v: ImportFields & { file: File }): ImportInput {
  const columns = Object.fromEntries(
    Object.entries(v.columns)
      .map(([field, header]) => [field, header.trim()] as const)
      .filter(([, header]) => header !== ''),
  );
  const mapping: ColumnMapping = {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(v.sheet.trim() ? { sheet: v.sheet.trim() } : {}),
    ...(v.headerRow !== '' ? { headerRow: v.headerRow } : {}),
  };
  return {
    file: v.file,
    unitScope: v.unitScope,
    dryRun: v.dryRun,
    importGoodRows: v.importGoodRows,
    ...(v.maxErrorRate !== '' ? { maxErrorRate: v.maxErrorRate / 100 } : {}),
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
  };
}
