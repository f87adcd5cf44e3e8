import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_history')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('review_type', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('list_year', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('transition', 'text', (c) => c.notNull())
    .addColumn('voided', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('review_history_pk', ['household_id', 'event_id'])
    .execute();
  await db.schema.createIndex('review_history_effective').on('review_history').columns(['effective_date']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_history').ifExists().execute();
}
