import type pg from 'pg';
import { chainHash, contentHash, GENESIS_HASH } from '../hash.js';

/**
 * What a database superuser can do to a stream, for tests of tamper evidence: with the append-only
 * triggers switched off, replace the data of some events and recompute every content hash, every later
 * chain hash and the recorded head with the store's own functions. The chain and the head then agree
 * with the forged history; only a signed checkpoint can tell. Never for production code.
 */
export async function forgeHistory(
  pool: pg.Pool,
  streamId: string,
  edit: (version: number, data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const rows = (await client.query('SELECT * FROM es_events WHERE stream_id = $1 ORDER BY version', [streamId])).rows;
    let previous: Buffer = GENESIS_HASH;
    for (const r of rows) {
      const data = edit(r.version, r.data);
      const content = contentHash({
        eventId: r.event_id,
        streamId: r.stream_id,
        type: r.type,
        schemaVersion: r.schema_version,
        data,
        personalDigest: r.personal_digest ? r.personal_digest.toString('hex') : null,
        metadata: r.metadata,
        occurredAt: r.occurred_at,
      });
      previous = chainHash(previous, content, r.version, r.chain_scheme === 2 ? r.recorded_at.getTime() : undefined);
      await client.query('UPDATE es_events SET data = $1, content_hash = $2, hash = $3 WHERE seq = $4', [
        data,
        content,
        previous,
        r.seq,
      ]);
    }
    await client.query('UPDATE es_stream_heads SET hash = $1 WHERE stream_id = $2', [previous, streamId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
