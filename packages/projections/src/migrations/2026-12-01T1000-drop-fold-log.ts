import type { Kysely } from 'kysely';

/**
 * The household projection no longer keeps a copy of every household's events: a household it does
 * not hold in memory is folded again from its stream in the event store. Writing that copy was about
 * a fifth of a full rebuild's time (351 MB of JSON for a million events).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_fold_log').ifExists().execute();
}

/**
 * The table as it was, empty: the code of that time reads a household's log from it, so after going
 * back, rebuild the household_status projection to fill it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_fold_log')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('first_version', 'integer', (c) => c.notNull())
    .addColumn('last_version', 'integer', (c) => c.notNull())
    .addColumn('entries', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_fold_log_pk', ['household_id', 'first_version'])
    .execute();
}
