import type { ReadModelDatabase } from '@benvung/projections';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';

/**
 * Where analytics and reports read the read models: the replica of DATABASE_READ_URL when one is
 * configured (long scans kept off the primary), else the primary's pool. Everything else reads the
 * primary: a household's page or list must see the write that was just made.
 */
export function reportingReadModels(app: FastifyInstance): Kysely<ReadModelDatabase> {
  return app.deps.readReplica ?? app.deps.readModels;
}

export interface ReplicaLag {
  /** False when DATABASE_READ_URL is a primary after all (nothing to lag behind). */
  standby: boolean;
  /** WAL the primary has written that the replica has not replayed yet. */
  replayLagBytes: number;
  /**
   * How old the replica's data may be: 0 when it has replayed everything, else the time since the
   * last transaction it replayed was committed on the primary. (now() − the last replay timestamp
   * alone grows without bound while the primary is idle, which is not staleness.)
   */
  staleSeconds: number;
}

/** The primary's WAL position first, then the replica's: a replica read later can only look less behind. */
export async function replicaLag<P, R>(primary: Kysely<P>, replica: Kysely<R>): Promise<ReplicaLag> {
  const head = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(primary);
  const lsn = head.rows[0]?.lsn ?? '0/0';
  const r = await sql<{ standby: boolean; bytes: string | null; seconds: number | null }>`
    SELECT pg_is_in_recovery() AS standby,
      pg_wal_lsn_diff(${lsn}::pg_lsn, pg_last_wal_replay_lsn())::text AS bytes,
      extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS seconds`.execute(replica);
  const row = r.rows[0];
  if (!row?.standby) return { standby: false, replayLagBytes: 0, staleSeconds: 0 };
  const bytes = Math.max(0, Number(row.bytes ?? 0));
  return { standby: true, replayLagBytes: bytes, staleSeconds: bytes === 0 ? 0 : Math.max(0, row.seconds ?? 0) };
}
