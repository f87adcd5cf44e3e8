import type { ReportTable } from './report-table.js';

const cell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const line = (cells: ReadonlyArray<string | number | null>) => cells.map(cell).join(',');

/**
 * The report as CSV (RFC 4180, CRLF): title and notes as one-cell lines, each table with its heading
 * line and a header row. With a byte-order mark, so that spreadsheet programs read the Vietnamese
 * headings as UTF-8.
 */
export function renderCsv(table: ReportTable): Buffer {
  const lines: string[] = [line([table.title]), ...table.lines.map((l) => line([l]))];
  for (const section of table.sections) {
    lines.push('');
    if (section.heading) lines.push(line([section.heading]));
    lines.push(line(section.columns.map((c) => c.heading)));
    for (const row of section.rows) lines.push(line(row));
  }
  if (table.notes.length > 0) lines.push('', ...table.notes.map((n) => line([n])));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
