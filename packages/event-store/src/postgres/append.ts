import type pg from 'pg';
import { ConcurrencyError, IdempotencyConflictError } from '../errors.js';
import { expectedVersionHolds } from '../expected-version.js';
import { decideReplay, type StoredIdentity } from '../idempotency.js';
import type { AppendResult, ExpectedVersion } from '../port.js';
import type { PreparedEvent } from '../prepare.js';
import { type AppendedRow, appendQuery } from './append-statement.js';
import { encodePosition } from './position.js';

/** Attempts for `any` / `stream_exists` appends that keep losing a race to other writers. */
const MAX_ATTEMPTS = 20;

interface StreamState {
  version: number;
  existing: Array<{
    event_id: string;
    stream_id: string;
    version: number;
    tx_id: string;
    seq: string;
    content_hash: string;
    personal: StoredIdentity['personal'];
    personal_digest: string | null;
  }>;
}

/** Only after a refusal: the stream's version and whichever of the appended ids are stored already. */
async function streamState(pool: pg.Pool, streamId: string, eventIds: string[]): Promise<StreamState> {
  const result = await pool.query<StreamState>({
    name: 'es_append_state',
    text: `SELECT
        (SELECT coalesce(max(version), 0) FROM es_events WHERE stream_id = $1) AS version,
        coalesce((SELECT json_agg(json_build_object(
            'event_id', event_id, 'stream_id', stream_id, 'version', version, 'tx_id', tx_id::text,
            'seq', seq::text, 'content_hash', encode(content_hash, 'hex'), 'personal', personal,
            'personal_digest', encode(personal_digest, 'hex')))
          FROM es_events WHERE event_id = ANY($2::uuid[])), '[]'::json) AS existing`,
    values: [streamId, eventIds],
  });
  const row = result.rows[0];
  if (!row) throw new Error('es_append_state returned no row');
  return row;
}

function toIdentity(e: StreamState['existing'][number]): StoredIdentity {
  return {
    eventId: e.event_id,
    streamId: e.stream_id,
    version: e.version,
    position: encodePosition({ tx: BigInt(e.tx_id), seq: BigInt(e.seq) }),
    contentHash: Buffer.from(e.content_hash, 'hex'),
    personal: e.personal,
    personalDigest: e.personal_digest === null ? null : Buffer.from(e.personal_digest, 'hex'),
  };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown }).code === '23505';
}

/**
 * One statement on the happy path. When it is refused (no row: wrong expected version; 23505: a
 * concurrent append took the version or an event id first) the stream is looked at once: a retry of
 * an append already stored answers with the original result — checked before the expected version,
 * since a retry's expected version is stale by construction — other content under a stored id is a
 * conflict, and otherwise the expected version decides between ConcurrencyError and trying again.
 */
export async function appendPrepared(
  pool: pg.Pool,
  streamId: string,
  events: readonly PreparedEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  for (let attempt = 1; ; attempt++) {
    let rows: AppendedRow[] = [];
    try {
      rows = (await pool.query<AppendedRow>(appendQuery(streamId, expected, events))).rows;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const last = rows.reduce<AppendedRow | undefined>((a, r) => (!a || r.version > a.version ? r : a), undefined);
    if (last) {
      return {
        nextExpectedVersion: last.version,
        position: encodePosition({ tx: BigInt(last.tx_id), seq: BigInt(last.seq) }),
        replayed: false,
      };
    }
    const state = await streamState(
      pool,
      streamId,
      events.map((e) => e.eventId),
    );
    const decision = decideReplay(streamId, events, state.existing.map(toIdentity));
    if (decision.kind === 'replay') {
      return { nextExpectedVersion: decision.nextExpectedVersion, position: decision.position, replayed: true };
    }
    if (decision.kind === 'conflict') {
      throw new IdempotencyConflictError(
        streamId,
        state.existing.map((e) => e.event_id),
      );
    }
    if (!expectedVersionHolds(expected, state.version) || attempt >= MAX_ATTEMPTS) {
      throw new ConcurrencyError(streamId, expected, state.version);
    }
    // `any` or `stream_exists` lost a race to another writer of the stream: read the new head, again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, 2 ** attempt)));
  }
}
