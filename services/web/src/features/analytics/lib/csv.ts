/**
 * CSV files of the tables on screen, built in the browser: RFC 4180 (comma, CRLF, quotes doubled),
 * UTF-8 with a byte-order mark so Excel reads Vietnamese letters. Numbers are written plainly
 * (dot decimal, no grouping) so statistical software reads them; withheld cells carry the words the
 * screen shows.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark Excel needs to take the file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * One field. A text starting with = + - @ (or a tab/carriage return) is prefixed with an apostrophe so
 * a spreadsheet does not run it as a formula; numbers are left alone.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header, then the rows, each line ended by CRLF, behind the byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A ratio rounded for a file (4 decimals: 0.1234 is 12.34 %). */
export const roundRatio = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : null;

/** A safe file name part: letters, digits, dot, dash. */
export const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
