/**
 * The programme's rules by version, from the command line (the same checks as `POST /v1/admin/rules`):
 *
 *   pnpm rules list                              every version: who loaded it, when, why, from which date
 *   pnpm rules export [--date YYYY-MM-DD]        the rules in force on a date as a document to edit
 *   pnpm rules load FILE [--dry-run] [--by NAME] validate a document in full, then record it as the next version
 *   pnpm rules affected VERSION [--limit N]      reviews that version would classify differently
 *
 * Uses DATABASE_URL if set, else the embedded server of DATA_DIR (the running one if `pnpm start` is up).
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { DomainError, loadInto, type RuleBook, RuleDocument, sectionsOf } from '@benvung/domain';
import { openLocalDatabase } from '@benvung/embedded-pg';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { createReadModelDb, migrateReadModels, type ReadModelDatabase } from '@benvung/projections';
import { appendRuleVersion, listAffectedReviews, loadRuleBook } from '@benvung/rules';
import type { Kysely } from 'kysely';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';

const usage = `usage: pnpm rules list
       pnpm rules export [--date YYYY-MM-DD]
       pnpm rules load FILE [--dry-run] [--by NAME]
       pnpm rules affected VERSION [--limit N]`;

const option = (args: string[], name: string) => takeOption(args, name, usage);
const flag = takeFlag;

/** The document in FILE, or every problem with it, one per line (path: message). */
async function readDocument(file: string): Promise<RuleDocument> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: not a JSON file (${(err as Error).message})`);
  }
  const parsed = RuleDocument.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(document)'}: ${i.message}`);
  throw new UsageError(`${file} is not a valid rule document:\n${lines.join('\n')}`);
}

/** The rules in force on a date, as a document an administrator edits and loads (without versions). */
function exportDocument(book: RuleBook, date: string) {
  const set = book.on(date);
  const strip = <T extends { version: number }>(items: readonly T[]) => items.map(({ version: _v, ...rest }) => rest);
  return {
    id: 'edit-me',
    title: `The rules in force on ${date}`,
    effectiveFrom: date,
    reason: 'Why this version is loaded (the decree, the correction)',
    standards: strip(set.standards),
    listYearRules: strip(Object.values(set.listYearRules)),
    loanProgrammes: strip(set.loanProgrammes),
    loanRates: strip(set.loanRates),
    loanCaps: strip(set.loanCaps),
    programmes: strip(set.programmes),
    programmeComponents: strip(set.programmeComponents),
  };
}

async function printAffected(
  db: Kysely<ReadModelDatabase>,
  book: RuleBook,
  version: number,
  limit: number,
): Promise<void> {
  const page = await listAffectedReviews(db, book, version, { limit });
  console.log(`reviews version ${version} would classify differently (looked at ${page.scanned}):`);
  if (page.items.length === 0) console.log('  none');
  for (const r of page.items) {
    const would =
      'classification' in r.wouldBe
        ? `${r.wouldBe.classification} (${r.wouldBe.standardId})`
        : `refused: ${r.wouldBe.refused}`;
    console.log(
      `  household ${r.householdId} unit ${r.unitCode}, review ${r.eventId} of ${r.effectiveDate}: ` +
        `${r.recorded.classification} (${r.recorded.standardId}) -> ${would}`,
    );
  }
  if (page.next) console.log(`  … more: pnpm rules affected ${version} --limit ${limit * 2}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.shift();
  if (!command || !['list', 'export', 'load', 'affected'].includes(command)) throw new UsageError(usage);
  const date = option(args, '--date');
  const by = option(args, '--by') ?? process.env.USER ?? userInfo().username;
  const limit = Number(option(args, '--limit') ?? 50);
  const dryRun = flag(args, '--dry-run');
  const document = command === 'load' ? await readDocument(args.shift() ?? '') : undefined;

  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url, maxPoolSize: 2 });
  const db = createReadModelDb(local.url, { max: 2 });
  try {
    await migrateEventStore(store.pool);
    await migrateReadModels(db);
    const book = await loadRuleBook(store);
    switch (command) {
      case 'list':
        for (const v of book.versions) {
          console.log(
            `${v.version}\t${v.document.effectiveFrom}\t${v.document.id}\t${sectionsOf(v.document).join(',')}\t` +
              `${v.recordedBy ?? ''}\t${v.recordedAt ?? ''}\t${v.document.reason}`,
          );
        }
        return;
      case 'export':
        console.log(JSON.stringify(exportDocument(book, date ?? new Date().toISOString().slice(0, 10)), null, 2));
        return;
      case 'load': {
        if (!document) throw new UsageError(usage);
        if (dryRun) {
          const next = loadInto(book, document);
          console.log(`valid: would be version ${book.latestVersion + 1}, in force from ${document.effectiveFrom}`);
          await printAffected(db, next, book.latestVersion + 1, limit);
          return;
        }
        const { book: next, version } = await appendRuleVersion(store, book, document, { id: by, role: 'admin' });
        console.log(`loaded as version ${version} by ${by}, in force from ${document.effectiveFrom}`);
        await printAffected(db, next, version, limit);
        return;
      }
      case 'affected': {
        const version = Number(args.shift());
        if (!Number.isInteger(version) || !book.versions.some((v) => v.version === version)) {
          throw new UsageError(`no rule version ${version}; pnpm rules list shows them`);
        }
        await printAffected(db, book, version, limit);
        return;
      }
    }
  } finally {
    await store.close();
    await db.destroy();
    await local.release();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = 2;
    return;
  }
  if (err instanceof DomainError) {
    // Refused rules: every problem on a line of its own.
    const problems = (err.details?.problems as Array<{ path: string; message: string; onDate?: string }>) ?? [];
    console.error(`refused (${err.code}): ${problems.length > 0 ? '' : err.message}`);
    for (const p of problems) console.error(`  ${p.path}: ${p.message}${p.onDate ? ` (rules of ${p.onDate})` : ''}`);
    process.exitCode = 1;
    return;
  }
  console.error(err);
  process.exitCode = 1;
});
