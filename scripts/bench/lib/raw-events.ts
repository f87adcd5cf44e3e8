import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * The baseline: a plain table shaped like es_events (same columns, defaults, keys and indexes) with
 * none of the event store's logic — no stream head, no expected-version check, no idempotency check,
 * no hash chain, no notification. What the raw statements cost is the floor our append is held to.
 */
export const RAW_TABLE_DDL = `
  CREATE TABLE bench_raw_events (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id            xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id        text NOT NULL,
    version          integer NOT NULL CHECK (version >= 1),
    event_id         uuid NOT NULL UNIQUE,
    type             text NOT NULL,
    schema_version   integer NOT NULL,
    data             jsonb NOT NULL,
    personal         jsonb,
    personal_digest  bytea,
    metadata         jsonb NOT NULL,
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    content_hash     bytea NOT NULL,
    hash             bytea NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE INDEX bench_raw_events_global_order ON bench_raw_events (tx_id, seq);
  CREATE INDEX bench_raw_events_type_order ON bench_raw_events (type, tx_id, seq);`;

const COLUMNS = `stream_id, version, event_id, type, schema_version, data, personal, personal_digest, metadata,
  occurred_at, content_hash, hash`;
const PER_ROW = 12;

/** The columns the event store reads back, so the SELECT baseline moves the same bytes. */
const READ_COLUMNS = `seq, tx_id, stream_id, version, event_id, type, schema_version, data, personal,
  personal_digest, metadata, occurred_at, recorded_at, hash`;

export interface EventPayload {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurredAt: Date;
}

// Hash columns hold 32 bytes like ours; their value does not matter to the baseline's cost.
const digest = randomBytes(32);

function rowValues(streamId: string, version: number, e: EventPayload): unknown[] {
  return [
    streamId,
    version,
    randomUUID(),
    e.type,
    1,
    JSON.stringify(e.data),
    null,
    null,
    JSON.stringify(e.metadata),
    e.occurredAt,
    digest,
    digest,
  ];
}

const insertTexts = new Map<number, string>();

function insertText(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    text = `INSERT INTO bench_raw_events (${COLUMNS}) VALUES ${valuesList(rows)}`;
    insertTexts.set(rows, text);
  }
  return text;
}

function valuesList(rows: number): string {
  return Array.from({ length: rows }, (_, r) => {
    const params = Array.from({ length: PER_ROW }, (_, c) => `$${r * PER_ROW + c + 1}`);
    return `(${params.join(', ')})`;
  }).join(',\n');
}

/** Autocommit INSERT of `rows` rows in one statement (prepared, as a careful hand-written baseline would be). */
export async function rawInsert(
  pool: pg.Pool,
  streamId: string,
  firstVersion: number,
  events: readonly EventPayload[],
): Promise<void> {
  await pool.query({
    name: `bench_raw_insert_${events.length}`,
    text: insertText(events.length),
    values: events.flatMap((e, i) => rowValues(streamId, firstVersion + i, e)),
  });
}

export async function rawSelectStream(pool: pg.Pool, streamId: string): Promise<number> {
  const result = await pool.query({
    name: 'bench_raw_select_stream',
    text: `SELECT ${READ_COLUMNS} FROM bench_raw_events WHERE stream_id = $1 ORDER BY version`,
    values: [streamId],
  });
  return result.rows.length;
}
