import { type Kysely, sql } from 'kysely';

/**
 * Relapse episodes keep the head's ethnic group, so analytics can group by it (ethnic-minority
 * households are reported apart). The household projection replays to fill it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('relapse_episodes').addColumn('head_ethnicity', 'text').execute();
  await sql`TRUNCATE household_status, support_ledger, relapse_episodes, unit_year_stats, list_spells`.execute(db);
  await sql`DELETE FROM projection_dead_letter WHERE projection = 'household_status'`.execute(db);
  await sql`DELETE FROM projection_checkpoint WHERE name = 'household_status'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('relapse_episodes').dropColumn('head_ethnicity').execute();
}
