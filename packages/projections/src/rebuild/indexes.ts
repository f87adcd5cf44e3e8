import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/** An index of a fresh table (or the constraint it backs): dropped for the replay, built again before the swap. */
export interface DeferredIndex {
  name: string;
  table: string;
  /**
   * What builds it again, as PostgreSQL prints it: `CREATE INDEX …` (pg_get_indexdef) or, for a
   * primary key or unique constraint, `ALTER TABLE … ADD CONSTRAINT … ` (pg_get_constraintdef).
   */
  definition: string;
  drop: string;
}

/**
 * Drops the indexes of the fresh tables that the replay does not need, and returns them to be built
 * again by `buildIndexes`. Otherwise every row of a rebuild goes into these indexes one insert at a
 * time, at a random place for the random UUIDs most keys are, where building an index from the
 * finished table sorts once. Two kinds go:
 * - on every table, the indexes that are neither unique nor behind a constraint: over 300,000 events
 *   the household projection's statements took 1.9 s of the server's time instead of 4.7 s
 *   (household_status has five such indexes, one of them the GIN trigram index on head names);
 * - on `insertOnly` tables (RebuildingProjection.insertOnly: written by COPY, never read during the
 *   replay), every index, the primary key's too: 1,280,000 rows into late_changes took 5.2 s with
 *   its primary key, 0.9 s without and 0.8 s to add it after.
 * The others stay: upserts need them as arbiters, and the lookups the projections make during the
 * replay (by household, by event) go through primary keys.
 */
export async function dropIndexes(
  db: Kysely<ReadModelDatabase>,
  schema: string,
  tables: readonly string[],
  insertOnly: readonly string[],
): Promise<DeferredIndex[]> {
  const constraints = await sql<DeferredIndex>`
    SELECT c.conname AS name, t.relname AS "table",
      format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, c.conname, pg_get_constraintdef(c.oid))
        AS definition,
      format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, t.relname, c.conname) AS drop
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname = ANY(${insertOnly}::text[]) AND c.conindid <> 0
    ORDER BY t.relname, c.conname`.execute(db);
  const indexes = await sql<DeferredIndex>`
    SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(x.indexrelid) AS definition,
      format('DROP INDEX %I.%I', n.nspname, i.relname) AS drop
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname = ANY(${tables}::text[])
      AND (NOT x.indisunique OR t.relname = ANY(${insertOnly}::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
    ORDER BY t.relname, i.relname`.execute(db);
  const deferred = [...constraints.rows, ...indexes.rows];
  for (const index of deferred) await sql.raw(index.drop).execute(db);
  return deferred;
}

/**
 * Builds the indexes `dropIndexes` dropped, two at a time on connections of `db` (the server sorts
 * one while it reads the table of the other), a table's constraints before its other indexes.
 */
export async function buildIndexes(db: Kysely<ReadModelDatabase>, indexes: readonly DeferredIndex[]): Promise<void> {
  const queue = [...indexes];
  const worker = async () => {
    for (let index = queue.shift(); index; index = queue.shift()) await sql.raw(index.definition).execute(db);
  };
  await Promise.all([worker(), worker()]);
}
