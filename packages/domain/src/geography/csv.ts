import { z } from 'zod';
import { domainError } from '../shared/error-codes.js';
import { UnitCode, unitLevel } from './unit-code.js';
import { type AdminUnit, type CrosswalkEntry, UNIT_KINDS, type UnitKind } from './units.js';

/** A CSV record and the line of the file it starts on (1-based), as an editor or spreadsheet numbers it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF, an optional BOM) into records,
 * each with the line it starts on: blank lines are left out, and a quoted field may span lines, so a
 * record's index is not its line. Takes a string so the domain never reads a file.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    row.push(field);
    if (!(row.length === 1 && row[0]?.trim() === '')) records.push({ line: start, cells: row });
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      endRecord();
      start = line;
    } else field += c;
  }
  if (quoted) throw domainError('CSV_INVALID', 'unterminated quoted field', { row: start });
  if (field !== '' || row.length > 0) endRecord();
  return records;
}

/** The cells of each record of a CSV text (see parseCsvRecords). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

const optionalDate = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(z.iso.date().optional());

const UnitRow = z.object({
  code: UnitCode,
  name: z.string().trim().min(1),
  level: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(z.enum(['province', 'district', 'commune']).optional()),
  parentCode: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(UnitCode.optional()),
  validFrom: optionalDate,
  validTo: optionalDate,
  demo: z
    .string()
    .trim()
    .transform((s) => s === 'true' || s === '1'),
});

const CrosswalkRow = z.object({ fromCode: UnitCode, toCode: UnitCode, effectiveOn: z.iso.date() });

function records(text: string, required: readonly string[]): Array<{ line: number; values: Record<string, string> }> {
  const [header, ...body] = parseCsvRecords(text);
  if (!header) throw domainError('CSV_INVALID', 'empty CSV', {});
  const names = header.cells.map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) throw domainError('CSV_INVALID', `missing columns: ${missing.join(', ')}`, { missing });
  return body.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])),
  }));
}

function parseRow<T>(schema: z.ZodType<T>, line: number, values: Record<string, string>): T {
  const result = schema.safeParse(values);
  if (!result.success) {
    throw domainError(
      'CSV_INVALID',
      `line ${line}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      {
        line,
      },
    );
  }
  return result.data;
}

/**
 * Parses a unit list. Columns: `code,name` required; `level,parentCode,validFrom,validTo,demo`
 * optional (the level defaults to the one the code's length implies). Throws CSV_INVALID with the line.
 */
export function parseUnitsCsv(text: string): AdminUnit[] {
  return records(text, ['code', 'name']).map(({ line, values }) => {
    const row = parseRow(UnitRow, line, { level: '', parentCode: '', validFrom: '', validTo: '', demo: '', ...values });
    const level = row.level ?? unitLevel(row.code);
    if (level !== unitLevel(row.code)) {
      throw domainError('CSV_INVALID', `line ${line}: code ${row.code} is not a ${level} code`, { line });
    }
    return {
      code: row.code,
      name: row.name,
      level,
      ...(row.parentCode !== undefined ? { parentCode: row.parentCode } : {}),
      ...(row.validFrom !== undefined ? { validFrom: row.validFrom } : {}),
      ...(row.validTo !== undefined ? { validTo: row.validTo } : {}),
      ...(row.demo ? { demo: true } : {}),
    };
  });
}

/** Parses crosswalk rows. Columns: `fromCode,toCode,effectiveOn`. Throws CSV_INVALID with the line. */
export function parseCrosswalkCsv(text: string): CrosswalkEntry[] {
  return records(text, ['fromCode', 'toCode', 'effectiveOn']).map(({ line, values }) =>
    parseRow(CrosswalkRow, line, values),
  );
}

/** One thing wrong with a line of a unit list or conversion table. */
export interface CsvProblem {
  line: number;
  column?: string | undefined;
  message: string;
}

const NationalUnitRow = z.object({
  code: UnitCode,
  level: z.enum(['province', 'district', 'commune']),
  kind: z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]]),
  name: z.string().trim().min(1).max(200),
  parent_code: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(UnitCode.optional()),
});

/** Every line of a CSV as column → value, with the problems of its header (missing columns). */
function table(text: string, required: readonly string[]) {
  const [header, ...body] = parseCsvRecords(text);
  const names = (header?.cells ?? []).map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  const rows = body.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? '').normalize('NFC')])),
  }));
  return { rows, problems: missing.map((m): CsvProblem => ({ line: 1, column: m, message: `missing column ${m}` })) };
}

const issues = (line: number, error: z.ZodError): CsvProblem[] =>
  error.issues.map((i) => ({ line, column: String(i.path[0] ?? ''), message: i.message }));

/**
 * Parses a national unit list (columns `code, level, kind, name, parent_code`, the format of the lists
 * shipped in packages/geography/data) into unit versions valid over `validity`. Every problem is
 * collected, with its line and column, rather than stopping at the first: a list is loaded whole or not.
 */
export function parseUnitListCsv(
  text: string,
  validity: { validFrom?: string; validTo?: string },
): { units: AdminUnit[]; problems: CsvProblem[] } {
  const { rows, problems } = table(text, ['code', 'level', 'kind', 'name', 'parent_code']);
  const units: AdminUnit[] = [];
  const seen = new Set<string>();
  for (const { line, values } of rows) {
    const parsed = NationalUnitRow.safeParse(values);
    if (!parsed.success) {
      problems.push(...issues(line, parsed.error));
      continue;
    }
    const r = parsed.data;
    if (unitLevel(r.code) !== r.level)
      problems.push({ line, column: 'level', message: `${r.code} is not a ${r.level} code` });
    if (seen.has(r.code)) problems.push({ line, column: 'code', message: `${r.code} is listed twice` });
    seen.add(r.code);
    units.push({
      code: r.code,
      name: r.name,
      level: r.level,
      kind: r.kind,
      ...(r.parent_code !== undefined ? { parentCode: r.parent_code } : {}),
      ...(validity.validFrom !== undefined ? { validFrom: validity.validFrom } : {}),
      ...(validity.validTo !== undefined ? { validTo: validity.validTo } : {}),
    });
  }
  return { units, problems };
}

const ConversionRow = z.object({
  old_code: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(UnitCode.optional()),
  new_code: UnitCode,
  relation: z.enum(['whole', 'part', 'unchanged', 'renamed', 'retyped', 'other']),
  note: z.string().optional(),
});

/** A conversion row without an old unit (an unnumbered area joining a commune): reported, not an edge. */
export interface UnnumberedConversion {
  line: number;
  newCode: string;
  note: string;
}

/**
 * Parses an official old → new conversion table (columns `old_code, old_level, new_code, relation,
 * note`) into crosswalk rows effective on `effectiveOn`. A split commune has a `part` row per successor.
 */
export function parseConversionCsv(
  text: string,
  effectiveOn: string,
): { rows: CrosswalkEntry[]; unnumbered: UnnumberedConversion[]; problems: CsvProblem[] } {
  const { rows: lines, problems } = table(text, ['old_code', 'new_code', 'relation']);
  const rows: CrosswalkEntry[] = [];
  const unnumbered: UnnumberedConversion[] = [];
  for (const { line, values } of lines) {
    const parsed = ConversionRow.safeParse(values);
    if (!parsed.success) {
      problems.push(...issues(line, parsed.error));
      continue;
    }
    const r = parsed.data;
    if (r.old_code === undefined) unnumbered.push({ line, newCode: r.new_code, note: r.note ?? '' });
    else rows.push({ fromCode: r.old_code, toCode: r.new_code, effectiveOn, relation: r.relation });
  }
  return { rows, unnumbered, problems };
}
