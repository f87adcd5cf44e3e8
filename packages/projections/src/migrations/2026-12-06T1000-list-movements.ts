import { type Kysely, sql } from 'kysely';

const MOVEMENT_COUNTS = [
  'poor_baseline',
  'newly_poor',
  'newly_poor_from_near_poor',
  'relapsed',
  'poor_moved_in',
  'escaped',
  'escaped_to_near_poor',
  'poor_moved_out',
  'poor_closed',
  'near_poor_baseline',
  'newly_near_poor',
  'near_poor_from_poor',
  'relapsed_near_poverty',
  'near_poor_moved_in',
  'escaped_near_poverty',
  'near_poor_to_poor',
  'near_poor_moved_out',
  'near_poor_closed',
];

/**
 * Year-end lists carry over and every count comes from one walk of a household's list history:
 * - unit_year_stats counts movements on and off each list (so start − leavers + joiners = end holds
 *   by construction) instead of year-end columns that only households reviewed that year reached;
 * - list_spells keeps where each household stood over time, for year-end lists of any year;
 * - review_history loses its `transition`: it depends on the reviews before, so it lives where the
 *   household is folded, and a per-event column went stale when an earlier review was voided.
 * The household projection starts over from the beginning of the log (its checkpoint and rows are
 * cleared): the counts it held were read under the previous rules.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_year_stats').execute();
  let table = db.schema
    .createTable('unit_year_stats')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull());
  for (const column of ['reviewed', 'poor', 'near_poor', ...MOVEMENT_COUNTS]) {
    table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await table.addPrimaryKeyConstraint('unit_year_stats_pk', ['unit_code', 'year']).execute();

  await db.schema
    .createTable('list_spells')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('spell_no', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) =>
      c.notNull().check(sql`classification IN ('poor', 'near_poor', 'non_poor')`),
    )
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addPrimaryKeyConstraint('list_spells_pk', ['household_id', 'spell_no'])
    .execute();
  await db.schema.createIndex('list_spells_unit').on('list_spells').columns(['unit_code', 'valid_from']).execute();

  await db.schema.alterTable('review_history').dropColumn('transition').execute();

  await sql`TRUNCATE household_status, support_ledger, relapse_episodes`.execute(db);
  await sql`DELETE FROM projection_dead_letter WHERE projection = 'household_status'`.execute(db);
  await sql`DELETE FROM projection_checkpoint WHERE name = 'household_status'`.execute(db);
}

/** The tables as they were, empty: rebuild the household projection after going back. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('review_history')
    .addColumn('transition', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.dropTable('list_spells').execute();
  await db.schema.dropTable('unit_year_stats').execute();
  let table = db.schema
    .createTable('unit_year_stats')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull());
  for (const column of [
    'reviewed',
    'poor',
    'near_poor',
    'escaped',
    'escaped_near_poverty',
    'relapsed',
    'relapsed_near_poverty',
    'newly_poor',
    'closing_poor',
    'closing_near_poor',
  ]) {
    table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await table.addPrimaryKeyConstraint('unit_year_stats_pk', ['unit_code', 'year']).execute();
}
