/**
 * `pnpm lists import FILE.xlsx|.csv --unit-scope CODE [--dry-run] [--import-good-rows]
 *    [--max-error-rate 0.05] [--mapping FILE.json] [--report FILE.csv] [--by NAME]`
 *
 * Imports the poor and near-poor lists a province keeps: one row per household, Vietnamese headers
 * (Mã hộ, Họ và tên chủ hộ, Năm sinh, Dân tộc, Số nhân khẩu, Thôn/ấp/bản, Mã xã or Xã/phường, Phân loại,
 * Năm, Thu nhập bình quân, Các chỉ số thiếu hụt, Số quyết định). Every row is checked first; each good
 * row becomes a registration and a baseline review of its list year; the problems go to the report.
 * (Not `pnpm import`: that is pnpm's own lockfile command.)
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { DEFAULT_DECIDE_CONTEXT, UnitCode } from '@benvung/domain';
import { openLocalDatabase } from '@benvung/embedded-pg';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { GeographyService } from '@benvung/geography';
import { type ColumnMapping, importList, problemsCsv } from '@benvung/imports';
import { loadRuleBook } from '@benvung/rules';
import { SingleBar } from 'cli-progress';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';
import { demoUnitsFromEnv } from './lib/demo-units.js';

const usage = `usage: pnpm lists import FILE.xlsx|FILE.csv --unit-scope CODE [--dry-run] [--import-good-rows]
                         [--max-error-rate 0.05] [--mapping FILE.json] [--report FILE.csv] [--by NAME]`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.shift() !== 'import') throw new UsageError(usage);
  const option = (name: string) => takeOption(args, name, usage);
  const unitScope = option('--unit-scope');
  const mappingFile = option('--mapping');
  const reportFile = option('--report');
  const rate = option('--max-error-rate');
  const by = option('--by') ?? process.env.USER ?? userInfo().username;
  const dryRun = takeFlag(args, '--dry-run');
  const importGoodRows = takeFlag(args, '--import-good-rows');
  const file = args.shift();
  if (!file || !unitScope || !UnitCode.safeParse(unitScope).success) {
    throw new UsageError(`a FILE and --unit-scope CODE (a province or commune code) are needed\n${usage}`);
  }
  const maxErrorRate = rate === undefined ? undefined : Number(rate);
  if (maxErrorRate !== undefined && !(maxErrorRate >= 0 && maxErrorRate <= 1))
    throw new UsageError('--max-error-rate is a share in 0–1');
  const bytes = await readFile(file).catch((err: Error) => {
    throw new UsageError(`${file}: ${err.message}`);
  });
  const mapping = mappingFile ? (JSON.parse(await readFile(mappingFile, 'utf8')) as ColumnMapping) : undefined;

  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url, maxPoolSize: 10 });
  const bar = new SingleBar({ format: '{phase} |{bar}| {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}' });
  const started = Date.now();
  try {
    await migrateEventStore(store.pool);
    const demo = demoUnitsFromEnv();
    const geography = await GeographyService.open(store, { demo });
    const rules = await loadRuleBook(store);
    const context = { ...DEFAULT_DECIDE_CONTEXT, units: geography.registry, rules };
    const importId = randomUUID();
    let barStarted = false;
    const summary = await importList(
      {
        file: { name: basename(file), bytes },
        unitScope,
        dryRun,
        importGoodRows,
        ...(mapping ? { mapping } : {}),
        ...(maxErrorRate !== undefined ? { maxErrorRate } : {}),
        onProgress: ({ phase, done, total }) => {
          if (phase === 'checked') return;
          if (!barStarted) {
            bar.start(total, 0, { phase: 'writing', speed: 0 });
            barStarted = true;
          }
          bar.update(done, { phase, speed: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
        },
      },
      { registry: geography.registry, rules },
      { store, context, actor: { id: by, role: 'admin' }, correlationId: importId, concurrency: 8 },
    );
    if (barStarted) bar.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${summary.rows} rows in ${seconds} s: ${summary.valid} valid, ${summary.imported} imported, ` +
        `${summary.alreadyImported} already imported, ${summary.rowsWithProblems} with problems` +
        (summary.notWritten ? ` — nothing written (${summary.notWritten.replaceAll('_', ' ')})` : ''),
    );
    if (summary.problems.length > 0) {
      const report = reportFile ?? `${file}.problems.csv`;
      await writeFile(report, problemsCsv(summary.problems));
      console.log(`problems, by row and column (Vietnamese and English): ${report}`);
      for (const p of summary.problems.slice(0, 10)) console.log(`  row ${p.row}, ${p.column}: ${p.vi} / ${p.en}`);
    }
    if (summary.notWritten === 'too_many_errors' || summary.notWritten === 'file_problems') process.exitCode = 1;
  } finally {
    bar.stop();
    await store.close();
    await local.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
