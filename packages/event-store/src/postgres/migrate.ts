import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { ensureLogStatistics } from './log-statistics.js';
import * as eventLog from './migrations/2026-11-22T0900-event-log.js';
import * as optimisticAppend from './migrations/2026-11-23T0900-optimistic-append.js';
import * as tamperEvidentLog from './migrations/2026-12-06T2200-tamper-evident-log.js';

const migrations: Record<string, Migration> = {
  '2026-11-22T0900-event-log': eventLog,
  '2026-11-23T0900-optimistic-append': optimisticAppend,
  '2026-12-06T2200-tamper-evident-log': tamperEvidentLog,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the event-store tables up to date, and gives the planner statistics on a log that has none
 * (see ensureLogStatistics): every service and script migrates when it starts. Safe to run
 * concurrently: kysely takes an advisory lock, and concurrent ANALYZEs wait for each other.
 * `analysed` says whether it ran ANALYZE, so a caller that wants fresh statistics need not run it again.
 */
export async function migrateEventStore(pool: pg.Pool): Promise<{ analysed: boolean }> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'es_migration',
    migrationLockTableName: 'es_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? failed?.migrationName));
    throw new Error(`event-store migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
  return { analysed: await ensureLogStatistics(pool) };
}
