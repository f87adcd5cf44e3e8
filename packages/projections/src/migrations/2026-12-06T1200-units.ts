import type { Kysely } from 'kysely';

/** The registry's unit versions, for joins on the read side (see UnitsTable). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('units_pk', ['code', 'valid_from'])
    .execute();
  await db.schema.createIndex('units_parent').on('units').columns(['parent_code', 'valid_from']).execute();
  await db.schema
    .createTable('units_loaded')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('units_loaded').execute();
  await db.schema.dropTable('units').execute();
}
