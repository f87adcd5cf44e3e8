import type { LogEntry } from '@benvung/domain';
import { sql, type Transaction } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { fromStored } from './fold-log.js';

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

/** A household's stored fold log, in stream order, and how many chunks it is stored in. */
export interface StoredLog {
  entries: LogEntry[];
  chunks: number;
}

/** The stored fold logs of some households. */
export async function loadLogs(trx: Trx, ids: readonly string[]): Promise<Map<string, StoredLog>> {
  const logs = new Map<string, StoredLog>();
  if (ids.length === 0) return logs;
  const result = await sql<{ household_id: string; entries: unknown }>`
    SELECT household_id, entries FROM household_fold_log
    WHERE household_id = ANY(${ids}::uuid[]) ORDER BY household_id, first_version`.execute(trx);
  for (const row of result.rows) {
    const entries = fromStored(row.entries);
    const log = logs.get(row.household_id);
    if (log) {
      log.entries.push(...entries);
      log.chunks++;
    } else {
      logs.set(row.household_id, { entries, chunks: 1 });
    }
  }
  return logs;
}
