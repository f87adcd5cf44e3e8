import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('household_status')
    .addColumn('unit_code_now', 'text')
    .addColumn('standard_id', 'text')
    .addColumn('list_year', 'integer')
    .addColumn('last_review_date', 'date')
    .addColumn('last_review_type', 'text')
    .addColumn('latest_escape_date', 'date')
    .addColumn('newly_escaped_until', 'date')
    .addColumn('escape_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relapsed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relapsed_near_poverty_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unable_to_escape', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('unable_to_escape_basis', 'text')
    .addColumn('unable_to_escape_since', 'date')
    .addColumn('support_totals', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active', 'closed')`))
    .addColumn('closed_on', 'date')
    .addColumn('close_reason', 'text')
    .execute();
  // Rows are rewritten once per batch that touches them: room on the page keeps those updates HOT.
  await sql`ALTER TABLE household_status SET (fillfactor = 50)`.execute(db);

  await db.schema
    .createTable('household_fold_log')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('first_version', 'integer', (c) => c.notNull())
    .addColumn('last_version', 'integer', (c) => c.notNull())
    // json, not jsonb: only the projection reads it back, whole; storing it is then a plain copy.
    .addColumn('entries', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_fold_log_pk', ['household_id', 'first_version'])
    .execute();

  await db.schema
    .createTable('support_ledger')
    .addColumn('event_id', 'uuid', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('starts_support', 'boolean', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('amount_vnd', 'bigint')
    .addColumn('programme', 'text')
    .addColumn('project', 'text')
    .addColumn('reference', 'text')
    // json, not jsonb: written for every support action, read back whole, never searched inside.
    .addColumn('details', 'json', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('voided', 'boolean', (c) => c.notNull())
    .addColumn('amended', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_ledger_household')
    .on('support_ledger')
    .columns(['household_id', 'version'])
    .execute();

  const counts = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await db.schema
    .createTable('unit_year_stats')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reviewed', 'integer', counts)
    .addColumn('poor', 'integer', counts)
    .addColumn('near_poor', 'integer', counts)
    .addColumn('escaped', 'integer', counts)
    .addColumn('escaped_near_poverty', 'integer', counts)
    .addColumn('relapsed', 'integer', counts)
    .addColumn('relapsed_near_poverty', 'integer', counts)
    .addColumn('newly_poor', 'integer', counts)
    .addColumn('closing_poor', 'integer', counts)
    .addColumn('closing_near_poor', 'integer', counts)
    .addPrimaryKeyConstraint('unit_year_stats_pk', ['unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('unit_year_households')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('total_households', 'integer', (c) => c.notNull().check(sql`total_households > 0`))
    .addColumn('source', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('unit_year_households_pk', ['unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('relapse_episodes')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('escape_event_id', 'uuid', (c) => c.notNull())
    .addColumn('escape_date', 'date', (c) => c.notNull())
    .addColumn('escape_from', 'text', (c) => c.notNull().check(sql`escape_from IN ('poor', 'near_poor')`))
    .addColumn('escape_to', 'text', (c) => c.notNull().check(sql`escape_to IN ('near_poor', 'non_poor')`))
    .addColumn('relapse_poor_date', 'date')
    .addColumn('relapse_listed_date', 'date')
    .addColumn('closed_date', 'date')
    .addColumn('support_kinds', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('province_then', 'text')
    .addColumn('province_now', 'text')
    .addColumn('unit_code_now', 'text')
    .addColumn('cohort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('relapse_episodes_pk', ['household_id', 'escape_event_id'])
    .execute();
  await db.schema.createIndex('relapse_episodes_unit').on('relapse_episodes').column('unit_code').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'relapse_episodes',
    'unit_year_households',
    'unit_year_stats',
    'support_ledger',
    'household_fold_log',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`ALTER TABLE household_status RESET (fillfactor)`.execute(db);
  await db.schema
    .alterTable('household_status')
    .dropColumn('unit_code_now')
    .dropColumn('standard_id')
    .dropColumn('list_year')
    .dropColumn('last_review_date')
    .dropColumn('last_review_type')
    .dropColumn('latest_escape_date')
    .dropColumn('newly_escaped_until')
    .dropColumn('escape_count')
    .dropColumn('relapsed_count')
    .dropColumn('relapsed_near_poverty_count')
    .dropColumn('unable_to_escape')
    .dropColumn('unable_to_escape_basis')
    .dropColumn('unable_to_escape_since')
    .dropColumn('support_totals')
    .dropColumn('status')
    .dropColumn('closed_on')
    .dropColumn('close_reason')
    .execute();
}
