import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as householdStatus from './migrations/2026-11-22T0910-household-status.js';
import * as deadLetter from './migrations/2026-11-22T0920-projection-dead-letter.js';
import * as householdReadModels from './migrations/2026-11-22T1100-household-read-models.js';
import * as reviewHistory from './migrations/2026-11-22T1200-review-history.js';
import * as foldLogLz4 from './migrations/2026-11-30T1000-fold-log-lz4.js';
import * as dropFoldLog from './migrations/2026-12-01T1000-drop-fold-log.js';
import * as listMovements from './migrations/2026-12-06T1000-list-movements.js';
import * as reviewInputs from './migrations/2026-12-06T1100-review-inputs.js';
import * as units from './migrations/2026-12-06T1200-units.js';
import * as episodeEthnicity from './migrations/2026-12-06T1300-episode-ethnicity.js';
import * as householdSearch from './migrations/2026-12-06T1500-household-search.js';
import * as reportTables from './migrations/2026-12-06T2100-report-tables.js';

const migrations: Record<string, Migration> = {
  '2026-11-22T0910-household-status': householdStatus,
  '2026-11-22T0920-projection-dead-letter': deadLetter,
  '2026-11-22T1100-household-read-models': householdReadModels,
  '2026-11-22T1200-review-history': reviewHistory,
  '2026-11-30T1000-fold-log-lz4': foldLogLz4,
  '2026-12-01T1000-drop-fold-log': dropFoldLog,
  '2026-12-06T1000-list-movements': listMovements,
  '2026-12-06T1100-review-inputs': reviewInputs,
  '2026-12-06T1200-units': units,
  '2026-12-06T1300-episode-ethnicity': episodeEthnicity,
  '2026-12-06T1500-household-search': householdSearch,
  '2026-12-06T2100-report-tables': reportTables,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the read-model tables up to date (kysely's Migrator serialises concurrent runs with a lock).
 * `schema` is for rebuilds: the caller's connections put that schema first on their search_path, so
 * the same migrations create fresh tables there, with the same index names.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function migrateReadModels(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'rm_migration',
    migrationLockTableName: 'rm_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? failed?.migrationName));
    throw new Error(`read-model migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
}
