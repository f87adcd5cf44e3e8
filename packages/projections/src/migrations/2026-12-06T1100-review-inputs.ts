import { type Kysely, sql } from 'kysely';

/**
 * review_history keeps what each review measured (area, income, deprivations) and the standard and
 * rule version it was decided under: enough to tell which recorded reviews a corrected rule set would
 * classify differently, and to report which deprivations weigh most. The projection replays from the
 * start to fill them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`TRUNCATE review_history`.execute(db);
  await db.schema
    .alterTable('review_history')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('income_per_capita_vnd', 'bigint')
    .addColumn('listed_as', 'text')
    .addColumn('deprivations', 'jsonb', (c) => c.notNull())
    .addColumn('standard_id', 'text', (c) => c.notNull())
    .addColumn('standard_version', 'integer')
    .execute();
  await sql`DELETE FROM projection_dead_letter WHERE projection = 'review_history'`.execute(db);
  await sql`DELETE FROM projection_checkpoint WHERE name = 'review_history'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('review_history')
    .dropColumn('area')
    .dropColumn('income_per_capita_vnd')
    .dropColumn('listed_as')
    .dropColumn('deprivations')
    .dropColumn('standard_id')
    .dropColumn('standard_version')
    .execute();
}
