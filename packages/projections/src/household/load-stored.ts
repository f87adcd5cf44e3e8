import { sql, type Transaction } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

type Trx = Transaction<ReadModelDatabase>;

/** The version and position household_status holds for each household of the batch. */
export async function loadVersions(
  trx: Trx,
  ids: readonly string[],
): Promise<Map<string, { version: number; position: string }>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ household_id: string; version: number; last_position: string }>`
    SELECT household_id, version, last_position FROM household_status WHERE household_id = ANY(${ids}::uuid[])`.execute(
    trx,
  );
  return new Map(result.rows.map((r) => [r.household_id, { version: r.version, position: r.last_position }]));
}
