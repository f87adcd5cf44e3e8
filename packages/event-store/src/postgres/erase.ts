import type pg from 'pg';
import { ConcurrencyError, IdempotencyConflictError } from '../errors.js';
import { decideReplay, type StoredIdentity } from '../idempotency.js';
import type { ErasureResult, ExpectedVersion } from '../port.js';
import type { PreparedEvent } from '../prepare.js';
import { type AppendedRow, appendQuery } from './append-statement.js';
import { encodePosition } from './position.js';

/** Attempts for `any` / `stream_exists` erasures that keep losing a race to other writers. */
const MAX_ATTEMPTS = 5;

interface StoredRow {
  event_id: string;
  stream_id: string;
  version: number;
  tx_id: string;
  seq: string;
  content_hash: Buffer;
  personal: StoredIdentity['personal'];
  personal_digest: Buffer | null;
}

type Attempt = { kind: 'done'; result: ErasureResult } | { kind: 'refused' };

const isUniqueViolation = (err: unknown) => (err as { code?: unknown }).code === '23505';

/**
 * One transaction: the erasure event's id is looked up first (a retry erases nothing more: personal
 * data recorded after the first erasure is not the retry's to remove), then every personal part of
 * the stream is set to NULL — the one change es_events' trigger allows — and the erasure event is
 * appended by the same statement `appendToStream` uses, on the same connection. A refused append
 * (wrong expected version, or a concurrent append taking the version first) rolls the erasure back.
 */
async function attempt(
  client: pg.PoolClient,
  streamId: string,
  event: PreparedEvent,
  expected: ExpectedVersion,
): Promise<Attempt> {
  await client.query('BEGIN');
  try {
    const stored = await client.query<StoredRow>({
      name: 'es_erase_stored',
      text: `SELECT event_id, stream_id, version, tx_id::text, seq::text, content_hash, personal, personal_digest
             FROM es_events WHERE event_id = $1`,
      values: [event.eventId],
    });
    if (stored.rows.length > 0) {
      await client.query('ROLLBACK');
      const identities = stored.rows.map(
        (r): StoredIdentity => ({
          eventId: r.event_id,
          streamId: r.stream_id,
          version: r.version,
          position: encodePosition({ tx: BigInt(r.tx_id), seq: BigInt(r.seq) }),
          contentHash: r.content_hash,
          personal: r.personal,
          personalDigest: r.personal_digest,
        }),
      );
      const decision = decideReplay(streamId, [event], identities);
      if (decision.kind !== 'replay') throw new IdempotencyConflictError(streamId, [event.eventId]);
      const { nextExpectedVersion, position } = decision;
      return { kind: 'done', result: { nextExpectedVersion, position, replayed: true, erasedEvents: 0 } };
    }
    const erased = await client.query({
      name: 'es_erase_personal',
      text: 'UPDATE es_events SET personal = NULL WHERE stream_id = $1 AND personal IS NOT NULL',
      values: [streamId],
    });
    let rows: AppendedRow[] = [];
    try {
      rows = (await client.query<AppendedRow>(appendQuery(streamId, expected, [event]))).rows;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const row = rows[0];
    if (!row) {
      await client.query('ROLLBACK');
      return { kind: 'refused' };
    }
    await client.query('COMMIT');
    return {
      kind: 'done',
      result: {
        nextExpectedVersion: row.version,
        position: encodePosition({ tx: BigInt(row.tx_id), seq: BigInt(row.seq) }),
        replayed: false,
        erasedEvents: erased.rowCount ?? 0,
      },
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Erases a stream's personal parts and appends the event recording it, atomically (see `attempt`). */
export async function erasePrepared(
  pool: pg.Pool,
  streamId: string,
  event: PreparedEvent,
  expected: ExpectedVersion,
): Promise<ErasureResult> {
  for (let n = 1; ; n++) {
    const client = await pool.connect();
    let outcome: Attempt;
    try {
      outcome = await attempt(client, streamId, event, expected);
    } finally {
      client.release();
    }
    if (outcome.kind === 'done') return outcome.result;
    const version = await pool.query<{ version: number }>({
      name: 'es_erase_version',
      text: 'SELECT coalesce(max(version), 0) AS version FROM es_events WHERE stream_id = $1',
      values: [streamId],
    });
    const actual = version.rows[0]?.version ?? 0;
    // An exact version (or no_stream) that does not hold is final; `any` lost a race: try again.
    if (typeof expected === 'number' || expected === 'no_stream' || n >= MAX_ATTEMPTS) {
      throw new ConcurrencyError(streamId, expected, actual);
    }
    if (expected === 'stream_exists' && actual === 0) throw new ConcurrencyError(streamId, expected, actual);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, 2 ** n)));
  }
}
