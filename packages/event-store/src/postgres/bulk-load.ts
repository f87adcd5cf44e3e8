import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chainHash, GENESIS_HASH } from '../hash.js';
import type { EventToAppend } from '../port.js';
import { prepareEvents } from '../prepare.js';
import { copyTextField } from './copy-text.js';

/**
 * First loads at bulk speed: whole histories of streams that do not exist yet, written with
 * `COPY … FROM STDIN` instead of one append statement per stream. Used where a national log is laid
 * down in one go (a simulation, a migration from another system); everyday writes go through appends.
 *
 * What is stored is exactly what appends would store: each event is checked and content-hashed by
 * `prepareEvents`, chained with scheme 2 over the batch's recorded time (whole milliseconds, set here
 * rather than by the server, since the hash covers it), and each stream's head is written in the same
 * transaction. A stream that exists already fails the whole batch on UNIQUE (stream_id, version), so a
 * batch is stored whole or not at all.
 *
 * Encoding (the CPU-heavy part: canonical JSON, SHA-256) is separate from writing, so callers can
 * encode in worker threads and write on one connection.
 */

export interface BulkStream {
  streamId: string;
  events: readonly EventToAppend[];
}

/** A batch in PostgreSQL's COPY text format, ready to write. */
export interface BulkBatch {
  /** Rows of es_events (BULK_EVENT_COLUMNS). */
  events: string;
  /** Rows of es_stream_heads (stream_id, version, hash). */
  heads: string;
  eventCount: number;
  streamCount: number;
}

const BULK_EVENT_COLUMNS = [
  'stream_id',
  'version',
  'event_id',
  'type',
  'schema_version',
  'data',
  'personal',
  'personal_digest',
  'metadata',
  'occurred_at',
  'recorded_at',
  'chain_scheme',
  'content_hash',
  'hash',
] as const;

/** bytea in hex form; its leading backslash is itself escaped in COPY text. */
const bytea = (b: Buffer) => `\\\\x${b.toString('hex')}`;

/** Encodes whole new streams as they would be stored, recorded at `recordedAt` (kept to the millisecond). */
export function encodeBulkBatch(streams: readonly BulkStream[], recordedAt: Date): BulkBatch {
  const recordedMs = recordedAt.getTime();
  const recorded = new Date(recordedMs).toISOString();
  const events: string[] = [];
  const heads: string[] = [];
  for (const stream of streams) {
    const prepared = prepareEvents(stream.streamId, stream.events);
    const id = copyTextField(stream.streamId);
    let hash: Buffer = GENESIS_HASH;
    let version = 0;
    for (const e of prepared) {
      version += 1;
      hash = chainHash(hash, e.contentHash, version, recordedMs);
      events.push(
        [
          id,
          String(version),
          e.eventId,
          copyTextField(e.type),
          String(e.schemaVersion),
          copyTextField(JSON.stringify(e.data)),
          e.personal ? copyTextField(JSON.stringify(e.personal)) : '\\N',
          e.personalDigest ? bytea(e.personalDigest) : '\\N',
          copyTextField(JSON.stringify(e.metadata)),
          e.occurredAt.toISOString(),
          recorded,
          '2',
          bytea(e.contentHash),
          bytea(hash),
        ].join('\t'),
      );
    }
    heads.push(`${id}\t${version}\t${bytea(hash)}`);
  }
  return {
    events: events.length > 0 ? `${events.join('\n')}\n` : '',
    heads: heads.length > 0 ? `${heads.join('\n')}\n` : '',
    eventCount: events.length,
    streamCount: heads.length,
  };
}

async function copyText(client: pg.PoolClient, statement: string, text: string): Promise<void> {
  if (text === '') return;
  const sink: Writable = client.query(copyFrom(statement));
  await pipeline(Readable.from([text]), sink);
}

/**
 * Writes an encoded batch in one transaction: its events, in the batch's order (so each stream's
 * versions are in position order), and its streams' heads.
 */
export async function writeBulkBatch(pool: pg.Pool, batch: BulkBatch): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await copyText(client, `COPY es_events (${BULK_EVENT_COLUMNS.join(', ')}) FROM STDIN`, batch.events);
    await copyText(client, 'COPY es_stream_heads (stream_id, version, hash) FROM STDIN', batch.heads);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
