import { type Kysely, sql } from 'kysely';

/** The household projection's tables: it starts over to fill list_movements for every household. */
const HOUSEHOLD_TABLES = [
  'household_status',
  'household_national_ids',
  'support_ledger',
  'unit_year_stats',
  'relapse_episodes',
  'list_spells',
];

/**
 * What the report tables provinces send up read:
 * - list_movements: each movement on and off the lists with the groups reports break them down by
 *   (area, the head's ethnicity, unable to escape). The household projection starts over from the
 *   beginning of the log to write them: its tables are emptied with its checkpoint, since
 *   unit_year_stats adds what a household contributes and must not count a household twice;
 * - unit_figures and unit_targets: every denominator and target ever recorded, with when and by whom,
 *   so that a report asked as of a date uses them as they stood (projection `unit_figures`);
 * - late_changes: changes recorded after the year they take effect in (projection `late_changes`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('list_movements')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('movement_no', 'integer', (c) => c.notNull())
    .addColumn('list', 'text', (c) => c.notNull().check(sql`list IN ('poor', 'near_poor')`))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('sign', 'integer', (c) => c.notNull().check(sql`sign IN (-1, 1)`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('minority', 'boolean')
    .addColumn('unable', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_movements_pk', ['household_id', 'movement_no'])
    .execute();
  await db.schema
    .createIndex('list_movements_unit')
    .on('list_movements')
    .columns(['unit_code', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('unit_figures')
    .addColumn('event_id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('population', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_figures_unit_year')
    .on('unit_figures')
    .columns(['unit_code', 'year', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('unit_targets')
    .addColumn('event_id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'float8')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_targets_unit_year')
    .on('unit_targets')
    .columns(['unit_code', 'year', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('late_changes')
    .addColumn('event_id', 'uuid', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('late_changes_recorded').on('late_changes').columns(['recorded_at']).execute();

  await sql`TRUNCATE ${sql.join(HOUSEHOLD_TABLES.map((t) => sql.table(t)))}`.execute(db);
  await sql`DELETE FROM projection_dead_letter WHERE projection = 'household_status'`.execute(db);
  await sql`DELETE FROM projection_checkpoint WHERE name = 'household_status'`.execute(db);
}

/** Without the report tables; the household projection's other tables are as they were (rebuild to be sure). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['late_changes', 'unit_targets', 'unit_figures', 'list_movements']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DELETE FROM projection_checkpoint WHERE name IN ('unit_figures', 'late_changes')`.execute(db);
}
