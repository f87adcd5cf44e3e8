import type { ColumnMapping } from './columns.js';
import { type ParseContext, parseRows } from './parse-rows.js';
import type { ImportProblem } from './problems.js';
import { readSheet } from './read-sheet.js';
import { type ImportTarget, writeRows } from './write-rows.js';

/** How an import runs. */
export interface ImportOptions {
  file: { name: string; bytes: Uint8Array };
  mapping?: ColumnMapping;
  unitScope?: string;
  /** Check only: nothing is written. */
  dryRun?: boolean;
  /** Above this share of rows with problems nothing is written, unless `importGoodRows` (default 5%). */
  maxErrorRate?: number;
  importGoodRows?: boolean;
  onProgress?: (event: { phase: 'checked' | 'writing'; done: number; total: number }) => void;
}

/** What an import did, row by row where it refused one. */
export interface ImportSummary {
  rows: number;
  valid: number;
  imported: number;
  alreadyImported: number;
  /** The rows with problems (a row may have several). */
  rowsWithProblems: number;
  problems: ImportProblem[];
  /** Whether the good rows were written (false for a dry run, or when the errors were too many). */
  written: boolean;
  /** Why nothing was written, when nothing was. */
  notWritten?: 'dry_run' | 'too_many_errors' | 'file_problems';
}

/**
 * Imports a province's list: reads the file, checks every row first (nothing is written before),
 * then writes the good rows, unless it is a dry run, the file itself is unusable (missing columns),
 * or more rows than `maxErrorRate` have problems and `importGoodRows` was not asked for.
 */
export async function importList(
  options: ImportOptions,
  ctx: Omit<ParseContext, 'mapping' | 'unitScope'>,
  target: ImportTarget,
): Promise<ImportSummary> {
  const sheet = await readSheet(options.file, options.mapping ?? {});
  const parsed = parseRows(sheet, { ...ctx, mapping: options.mapping, unitScope: options.unitScope });
  const rowsWithProblems = new Set(parsed.problems.map((p) => p.row)).size;
  options.onProgress?.({ phase: 'checked', done: parsed.total, total: parsed.total });
  const summary: ImportSummary = {
    rows: parsed.total,
    valid: parsed.rows.length,
    imported: 0,
    alreadyImported: 0,
    rowsWithProblems,
    problems: parsed.problems,
    written: false,
  };
  if (parsed.problems.some((p) => p.row === 0)) return { ...summary, notWritten: 'file_problems' };
  if (options.dryRun) return { ...summary, notWritten: 'dry_run' };
  const rate = parsed.total === 0 ? 0 : rowsWithProblems / parsed.total;
  if (rate > (options.maxErrorRate ?? 0.05) && !options.importGoodRows)
    return { ...summary, notWritten: 'too_many_errors' };
  const written = await writeRows(parsed.rows, target, (done) =>
    options.onProgress?.({ phase: 'writing', done, total: parsed.rows.length }),
  );
  return {
    ...summary,
    imported: written.imported,
    alreadyImported: written.alreadyImported,
    rowsWithProblems: rowsWithProblems + new Set(written.problems.map((p) => p.row)).size,
    problems: [...parsed.problems, ...written.problems].sort((a, b) => a.row - b.row),
    written: true,
  };
}
