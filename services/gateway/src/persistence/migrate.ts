import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as gatewayTables from './migrations/2026-11-22T0930-gateway-tables.js';
import * as listImports from './migrations/2026-12-06T1400-list-imports.js';
import * as accounts from './migrations/2026-12-06T1800-accounts.js';
import * as idempotentResponseHeaders from './migrations/2026-12-06T2000-idempotent-response-headers.js';

const migrations: Record<string, Migration> = {
  '2026-11-22T0930-gateway-tables': gatewayTables,
  '2026-12-06T1400-list-imports': listImports,
  '2026-12-06T1800-accounts': accounts,
  '2026-12-06T2000-idempotent-response-headers': idempotentResponseHeaders,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The gateway's own tables (idempotency keys, access log), migrated apart from the read models. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function migrateGatewayTables(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'gw_migration',
    migrationLockTableName: 'gw_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? failed?.migrationName));
    throw new Error(`gateway migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
}
