import { query } from './system-cluster.js';

/** Every row of each table as canonical JSON text (jsonb orders keys), sorted: comparable across clusters. */
export type ReadModelSnapshot = Record<string, string[]>;

/**
 * The content of read-model tables, leaving out `ignored` columns (table → names): those that record
 * when or in which order a projector wrote a row rather than what the log says.
 */
export async function readModelSnapshot(
  url: string,
  tables: readonly string[],
  ignored: Readonly<Record<string, readonly string[]>> = {},
): Promise<ReadModelSnapshot> {
  const snapshot: ReadModelSnapshot = {};
  for (const table of tables) {
    // Table names come from the projections' own definitions, never from input.
    const rows = await query<{ row: string }>(url, `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM "${table}" t`, [
      [...(ignored[table] ?? [])],
    ]);
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}
