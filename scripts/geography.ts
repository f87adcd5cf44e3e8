/**
 * The unit registry from the command line (the same checks as `POST /v1/admin/units/imports`):
 *
 *   pnpm geography report                                    units, crosswalk rows, loaded lists, known gaps
 *   pnpm geography load FILE --effective YYYY-MM-DD          check a newer unit list whole, then record it
 *        [--conversion FILE] [--dry-run] [--by NAME]
 *
 * FILE has the national lists' columns: code, level, kind, name, parent_code (complete for the levels it
 * holds). Uses DATABASE_URL if set, else the embedded server of DATA_DIR. Services take a loaded list at
 * their next start; rebuild the household read models (`pnpm projections rebuild household_status`) for
 * their current units to follow it.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { IsoDate } from '@benvung/domain';
import { openLocalDatabase } from '@benvung/embedded-pg';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { GeographyService } from '@benvung/geography';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';
import { demoUnitsFromEnv } from './lib/demo-units.js';

const usage = `usage: pnpm geography report
       pnpm geography load FILE --effective YYYY-MM-DD [--conversion FILE] [--dry-run] [--by NAME]`;

const take = (args: string[], name: string) => takeOption(args, name, usage);

const readText = async (file: string) => {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.shift();
  if (command !== 'report' && command !== 'load') throw new UsageError(usage);
  const effective = take(args, '--effective');
  const conversion = take(args, '--conversion');
  const by = take(args, '--by') ?? process.env.USER ?? userInfo().username;
  const dryRun = takeFlag(args, '--dry-run');
  const file = args.shift();
  if (command === 'load' && (!file || !effective || !IsoDate.safeParse(effective).success)) {
    throw new UsageError(`load needs a FILE and --effective YYYY-MM-DD\n${usage}`);
  }
  const csv = file ? await readText(file) : '';
  const conversionCsv = conversion ? await readText(conversion) : undefined;

  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url, maxPoolSize: 2 });
  try {
    await migrateEventStore(store.pool);
    const demo = demoUnitsFromEnv();
    const geography = await GeographyService.open(store, { demo });
    if (command === 'report') {
      console.log(
        `units (versions): ${geography.registry.units.length}, crosswalk rows: ${geography.registry.crosswalk.length}`,
      );
      for (const l of geography.lists) {
        console.log(
          `list ${l.version}: ${l.source}, from ${l.effectiveOn}, ${l.units.length} units, by ${l.loadedBy} at ${l.loadedAt}`,
        );
      }
      console.log('known gaps between the sources:');
      for (const gap of geography.report.gaps) console.log(`  ${gap}`);
      return;
    }
    const options = {
      source: basename(file ?? ''),
      actor: { id: by, role: 'admin' },
      ...(conversionCsv ? { conversionCsv } : {}),
    };
    const result = dryRun
      ? geography.check(csv, effective ?? '', conversionCsv)
      : await geography.load(csv, effective ?? '', options);
    if (result.problems.length > 0) {
      console.error(`refused: ${result.problems.length} problem(s), nothing recorded`);
      for (const p of result.problems)
        console.error(`  line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
      process.exitCode = 1;
      return;
    }
    const c = result.changes;
    const version = 'version' in result ? result.version : undefined;
    console.log(
      `${dryRun ? 'valid (dry run, nothing recorded)' : `loaded as list ${version} by ${by}`}, from ${effective}: ` +
        `${c.added.length} added, ${c.changed.length} changed, ${c.abolished.length} abolished, ${c.unchanged} unchanged`,
    );
    for (const [label, codes] of [
      ['added', c.added],
      ['changed', c.changed],
      ['abolished', c.abolished],
    ] as const) {
      if (codes.length > 0)
        console.log(`  ${label}: ${codes.slice(0, 30).join(', ')}${codes.length > 30 ? ', …' : ''}`);
    }
  } finally {
    await store.close();
    await local.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
