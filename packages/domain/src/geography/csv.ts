import { z } from 'zod';
import { domainError } from '../shared/error-codes.js';
import { UnitCode, unitLevel } from './unit-code.js';
import type { AdminUnit, CrosswalkEntry } from './units.js';

/**
 * Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF, an optional BOM) into rows.
 * Takes a string so the domain never reads a file: callers load the text and pass it in.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
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
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw domainError('CSV_INVALID', 'unterminated quoted field', { row: rows.length + 1 });
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
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
  const [header, ...body] = parseCsv(text);
  if (!header) throw domainError('CSV_INVALID', 'empty CSV', {});
  const names = header.map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) throw domainError('CSV_INVALID', `missing columns: ${missing.join(', ')}`, { missing });
  return body.map((cells, index) => ({
    line: index + 2,
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
