import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projection_checkpoint')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'text')
    .addColumn('events_processed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('household_status')
    .addColumn('household_id', 'uuid', (c) => c.primaryKey())
    .addColumn('household_code', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull().check(sql`area IN ('rural', 'urban')`))
    .addColumn('village', 'text')
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('head_name', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('household_status_unit')
    .on('household_status')
    .columns(['unit_code', 'household_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('household_status').ifExists().execute();
  await db.schema.dropTable('projection_checkpoint').ifExists().execute();
}
