import type { ExpectedVersion } from '../port.js';
import type { PreparedEvent } from '../prepare.js';

/**
 * The append as ONE statement with scalar parameters (a multi-row VALUES list), measured faster than
 * unnest() over arrays or a jsonb payload (array literals cost parsing on both sides). It reads the
 * stream head from its last event, checks the expected version, chains the hashes, inserts, and moves
 * the stream's recorded head (es_stream_heads):
 *
 * - no row comes back when the expected version does not hold;
 * - a concurrent append of the same version or event id fails on a UNIQUE index (23505) once the
 *   other transaction commits — the optimistic concurrency guard, no lock taken;
 * - a successful append read the previous event as committed, so its transaction id is newer than
 *   that event's: the global (tx_id, seq) order keeps every stream in version order.
 */

const PER_EVENT = 9;
/** Sizes up to this get a named (server-side prepared) statement per connection. */
const NAMED_UP_TO = 128;
const GENESIS = `'\\x${'00'.repeat(32)}'::bytea`;
const RECORDED_AT = "date_trunc('milliseconds', now())";
const texts = new Map<number, string>();

function buildText(count: number): string {
  const p = (event: number, field: number) => `$${3 + event * PER_EVENT + field}`;
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `(${i + 1}, ${p(i, 1)}::uuid, ${p(i, 2)}::text, ${p(i, 3)}::integer, ${p(i, 4)}::jsonb, ${p(i, 5)}::jsonb, ` +
      `${p(i, 6)}::bytea, ${p(i, 7)}::jsonb, ${p(i, 8)}::timestamptz, ${p(i, 9)}::bytea)`,
  );
  // One event: hash inline. More: es_chain2 once, in a subquery OFFSET 0 keeps from being flattened
  // (flattened, the IMMUTABLE call would be evaluated once per row).
  const contents = Array.from({ length: count }, (_, i) => p(i, 9)).join(', ');
  const hashes =
    count === 1 ? 'NULL::bytea[]' : `es_chain2(hd.hash, hd.version + 1, ARRAY[${contents}]::bytea[], hd.ms)`;
  const hash =
    count === 1 ? 'sha256(h.hash || x.content_hash || int4send(h.version + 1) || int8send(h.ms))' : 'h.hashes[x.n]';
  // The recorded time is hashed (chain scheme 2), in whole milliseconds so any reader can recompute it.
  // The stream's head moves in the same statement, so the head and the events cannot disagree.
  return `WITH appended AS (
INSERT INTO es_events (stream_id, version, event_id, type, schema_version, data, personal, personal_digest,
                       metadata, occurred_at, recorded_at, chain_scheme, content_hash, hash)
SELECT $1, h.version + x.n, x.event_id, x.type, x.schema_version, x.data, x.personal, x.personal_digest,
       x.metadata, x.occurred_at, ${RECORDED_AT}, 2, x.content_hash, ${hash}
FROM (
  SELECT hd.version, hd.hash, hd.ms, ${hashes} AS hashes
  FROM (
    SELECT coalesce(last.version, 0) AS version, coalesce(last.hash, ${GENESIS}) AS hash,
           (extract(epoch FROM ${RECORDED_AT}) * 1000)::bigint AS ms
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT e.version, e.hash FROM es_events e WHERE e.stream_id = $1 ORDER BY e.version DESC LIMIT 1
    ) AS last ON true
  ) AS hd
  WHERE CASE $2::text WHEN 'any' THEN true
                      WHEN 'no_stream' THEN hd.version = 0
                      WHEN 'stream_exists' THEN hd.version > 0
                      ELSE hd.version = $3::integer END
  OFFSET 0
) AS h
CROSS JOIN (VALUES ${rows.join(',\n  ')})
  AS x(n, event_id, type, schema_version, data, personal, personal_digest, metadata, occurred_at, content_hash)
RETURNING version, tx_id, seq, hash
), head AS (
  INSERT INTO es_stream_heads (stream_id, version, hash)
  SELECT $1, a.version, a.hash FROM appended a ORDER BY a.version DESC LIMIT 1
  ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, hash = EXCLUDED.hash
)
SELECT version, tx_id, seq FROM appended`;
}

export interface AppendQuery {
  name?: string;
  text: string;
  values: unknown[];
}

export function appendQuery(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly PreparedEvent[],
): AppendQuery {
  const count = events.length;
  let text = texts.get(count);
  if (!text) {
    text = buildText(count);
    if (count <= NAMED_UP_TO) texts.set(count, text);
  }
  const values: unknown[] = [
    streamId,
    typeof expected === 'number' ? 'exact' : expected,
    typeof expected === 'number' ? expected : 0,
  ];
  for (const e of events) {
    values.push(
      e.eventId,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      e.personal ? JSON.stringify(e.personal) : null,
      e.personalDigest,
      JSON.stringify(e.metadata),
      e.occurredAt.toISOString(),
      e.contentHash,
    );
  }
  return { ...(count <= NAMED_UP_TO ? { name: `es_append_${count}` } : {}), text, values };
}

/** What a successful append statement returns, one row per event. */
export interface AppendedRow {
  version: number;
  tx_id: string;
  seq: string;
}
