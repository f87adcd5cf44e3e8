import { parseCsvRecords } from '@benvung/domain';
import ExcelJS from 'exceljs';

/** A sheet's header and data rows, as text; `row` is the row number a person sees in the file. */
export interface Sheet {
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** Where the table starts in a sheet: the header row (1-based) and, for a workbook, the sheet's name. */
export interface SheetLayout {
  sheet?: string | undefined;
  headerRow?: number | undefined;
}

/** A cell's value as the text a person reads in it (numbers as digits, dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

function fromRows(all: Array<{ row: number; cells: string[] }>, headerRow: number): Sheet {
  const header = all.find((r) => r.row === headerRow);
  if (!header) return { headers: [], rows: [] };
  const rows = all.filter((r) => r.row > headerRow && r.cells.some((c) => c.trim() !== ''));
  return { headers: header.cells.map((h) => h.trim()), rows };
}

/** Reads the rows of a CSV text (UTF-8, an optional BOM). */
export function readCsvSheet(text: string, layout: SheetLayout = {}): Sheet {
  const all = parseCsvRecords(text).map(({ line, cells }) => ({
    row: line,
    cells: cells.map((c) => c.normalize('NFC')),
  }));
  return fromRows(all, layout.headerRow ?? 1);
}

/** Reads the rows of the first sheet of an .xlsx workbook (or the one named). */
export async function readXlsxSheet(bytes: Uint8Array, layout: SheetLayout = {}): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = layout.sheet ? workbook.getWorksheet(layout.sheet) : workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const all: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    // ExcelJS rows are 1-based: index 0 is empty.
    all.push({ row: number, cells: values.slice(1).map((v) => cellText(v).normalize('NFC')) });
  });
  return fromRows(all, layout.headerRow ?? 1);
}

/** A file by its name: .xlsx as a workbook, anything else as CSV text. */
export async function readSheet(file: { name: string; bytes: Uint8Array }, layout: SheetLayout = {}): Promise<Sheet> {
  if (/\.xlsx$/i.test(file.name)) return readXlsxSheet(file.bytes, layout);
  return readCsvSheet(new TextDecoder('utf-8').decode(file.bytes), layout);
}
