import type pg from 'pg';
import { StoreClosedError, StreamNotFoundError } from '../errors.js';
import { checkExpectedVersion } from '../expected-version.js';
import {
  type AppendResult,
  BACKLOG_CAP,
  type Backlog,
  type ErasureResult,
  type EventStore,
  type EventToAppend,
  type ExpectedVersion,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRead,
  type StreamVerification,
  type SubscribeOptions,
  type SubscriptionBatch,
} from '../port.js';
import { prepareErasure, prepareEvents } from '../prepare.js';
import { pageSize, streamRange, streamReads } from '../read-options.js';
import { UpcasterRegistry } from '../upcasting.js';
import { verifyChain } from '../verify.js';
import { appendPrepared } from './append.js';
import { erasePrepared } from './erase.js';
import { createPool } from './multi-host.js';
import { Notifier } from './notifier.js';
import { guardPool, POOL_CONNECT_TIMEOUT_MS } from './pool.js';
import { comparePgPositions, decodePosition, encodePosition } from './position.js';
import { readLogPage } from './read-all.js';
import { type EventRow, eventColumns, type ReadRow, readColumns, toRecordedEvent, toStoredEvent } from './rows.js';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Pool to use; one is created (and closed with the store) when omitted. */
  pool?: pg.Pool;
  upcasters?: UpcasterRegistry;
  /** Longest a live subscriber waits between reads when no notification arrives. */
  pollIntervalMs?: number;
  maxPoolSize?: number;
  /** Connections that broke (idle or in use): reported here, never fatal; queries on them fail instead. */
  onPoolError?: (err: Error) => void;
}

const READ_COLUMNS = readColumns();
const READ_COLUMNS_OF_E = readColumns('e');
const EVENT_COLUMNS_OF_E = eventColumns('e');

/** First retry delay while committed events wait behind an older open transaction. */
const PENDING_RETRY_MS = 5;

/**
 * The PostgreSQL adapter: tables and functions from `migrateEventStore`, one statement per append,
 * a gap-free global order by (transaction id, sequence) and the snapshot's xmin, LISTEN/NOTIFY wake-ups
 * with polling as the fallback.
 */
export class PostgresEventStore implements EventStore {
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;
  readonly #upcasters: UpcasterRegistry;
  readonly #notifier: Notifier;
  readonly #pollIntervalMs: number;
  #closed = false;

  constructor(options: PostgresEventStoreOptions) {
    this.#ownsPool = !options.pool;
    this.#pool =
      options.pool ??
      guardPool(
        createPool(options.connectionString, {
          max: options.maxPoolSize ?? 10,
          connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS,
        }),
        options.onPoolError,
      );
    this.#upcasters = options.upcasters ?? new UpcasterRegistry();
    this.#notifier = new Notifier(options.connectionString);
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** The pool the store queries with (migrations run on it). */
  get pool(): pg.Pool {
    return this.#pool;
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    checkExpectedVersion(options.expectedVersion);
    const prepared = prepareEvents(streamId, events);
    const result = await appendPrepared(this.#pool, streamId, prepared, options.expectedVersion);
    if (!result.replayed) this.#notifier.announce();
    return result;
  }

  /** See erase.ts: the personal parts set to NULL and the erasure appended in one transaction. */
  async erasePersonalData(
    streamId: string,
    erasure: EventToAppend,
    options: { expectedVersion: ExpectedVersion },
  ): Promise<ErasureResult> {
    checkExpectedVersion(options.expectedVersion);
    const prepared = prepareErasure(streamId, erasure);
    const result = await erasePrepared(this.#pool, streamId, prepared, options.expectedVersion);
    if (!result.replayed) this.#notifier.announce();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const range = streamRange(options);
    const rows =
      range.limit === 0 || range.lo > range.hi
        ? []
        : (
            await this.#pool.query<ReadRow>({
              name: range.backward ? 'es_read_stream_bwd' : 'es_read_stream_fwd',
              text: `SELECT ${READ_COLUMNS} FROM es_events WHERE stream_id = $1 AND version BETWEEN $2 AND $3
                     ORDER BY version ${range.backward ? 'DESC' : 'ASC'} LIMIT $4`,
              values: [streamId, range.lo, range.hi, range.limit],
            })
          ).rows;
    if (rows.length === 0 && (await this.streamVersion(streamId)) === 0) throw new StreamNotFoundError(streamId);
    return rows.map((r) => toRecordedEvent(r, this.#upcasters));
  }

  /** One statement: each stream's range along the (stream_id, version) index. */
  async readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>> {
    const checked = streamReads(reads);
    const out = new Map<string, RecordedEvent[]>();
    if (checked.length === 0) return out;
    const rows = (
      await this.#pool.query<ReadRow>({
        name: 'es_read_streams',
        text: `SELECT ${READ_COLUMNS_OF_E} FROM unnest($1::text[], $2::int[]) AS r(stream_id, to_version)
               JOIN es_events e ON e.stream_id = r.stream_id AND e.version <= r.to_version
               ORDER BY e.stream_id, e.version`,
        values: [checked.map((r) => r.streamId), checked.map((r) => r.toVersion)],
      })
    ).rows;
    for (const row of rows) {
      const event = toRecordedEvent(row, this.#upcasters);
      const events = out.get(event.streamId);
      if (events) events.push(event);
      else out.set(event.streamId, [event]);
    }
    return out;
  }

  async streamVersion(streamId: string): Promise<number> {
    const result = await this.#pool.query<{ version: number }>({
      name: 'es_stream_version',
      text: 'SELECT coalesce(max(version), 0) AS version FROM es_events WHERE stream_id = $1',
      values: [streamId],
    });
    return result.rows[0]?.version ?? 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const { events, position, endOfLog } = await readLogPage(
      this.#pool,
      this.#upcasters,
      options.after,
      pageSize(options.maxCount),
      options.eventTypes,
    );
    return { events, position, endOfLog };
  }

  /**
   * Reads pages of the log until the end, then waits for a wake-up (or the poll interval) and reads
   * again. While committed events wait behind an older open transaction it re-reads soon, backing off.
   */
  async *subscribe(options: SubscribeOptions = {}): AsyncGenerator<SubscriptionBatch> {
    let position = options.after;
    const batchSize = pageSize(options.batchSize, 500);
    let announcedLive = false;
    let pendingDelay = PENDING_RETRY_MS;
    while (!options.signal?.aborted) {
      if (this.#closed) throw new StoreClosedError();
      const generation = this.#notifier.generation;
      const page = await readLogPage(this.#pool, this.#upcasters, position, batchSize, options.eventTypes);
      const caughtUp = page.endOfLog && !page.pending;
      if (page.events.length > 0 || page.position !== position || (caughtUp && !announcedLive)) {
        position = page.position;
        announcedLive ||= caughtUp;
        yield { events: page.events, position, caughtUp };
      }
      if (!page.endOfLog) continue;
      if (page.pending) {
        await this.#notifier.wait(pendingDelay, options.signal, generation);
        pendingDelay = Math.min(pendingDelay * 2, this.#pollIntervalMs);
      } else {
        pendingDelay = PENDING_RETRY_MS;
        await this.#notifier.wait(this.#pollIntervalMs, options.signal, generation);
      }
    }
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    // One snapshot for the events and the head, so an append in between cannot look like a cut.
    const result = await this.#pool.query<EventRow & { head_version: number | null; head_hash: Buffer | null }>({
      name: 'es_verify_stream',
      text: `SELECT ${EVENT_COLUMNS_OF_E}, h.version AS head_version, h.hash AS head_hash
             FROM (SELECT 1) one
             LEFT JOIN es_stream_heads h ON h.stream_id = $1
             LEFT JOIN es_events e ON e.stream_id = $1
             ORDER BY e.version`,
      values: [streamId],
    });
    const first = result.rows[0];
    if (!first || (first.event_id === null && first.head_version === null)) throw new StreamNotFoundError(streamId);
    const events = result.rows.filter((r) => r.event_id !== null).map(toStoredEvent);
    const head = first.head_version === null ? null : { version: first.head_version, hash: first.head_hash as Buffer };
    return verifyChain(events, head);
  }

  comparePositions(a: string, b: string): number {
    return comparePgPositions(a, b);
  }

  /** The newest committed event's position; a subscriber reaches it once older transactions have ended. */
  async headPosition(): Promise<string | undefined> {
    const result = await this.#pool.query<{ tx_id: string; seq: string }>({
      name: 'es_head',
      text: `SELECT tx_id, seq FROM es_events ORDER BY tx_id DESC, seq DESC LIMIT 1`,
    });
    const row = result.rows[0];
    return row ? encodePosition({ tx: BigInt(row.tx_id), seq: BigInt(row.seq) }) : undefined;
  }

  async backlog(after: string | undefined, cap = BACKLOG_CAP): Promise<Backlog> {
    const from = decodePosition(after);
    // An index range scan over (tx_id, seq), stopped at the cap.
    const result = await this.#pool.query<{ events: number; oldest: Date | null }>({
      name: 'es_backlog',
      text: `SELECT count(*)::int AS events, min(recorded_at) AS oldest FROM (
               SELECT recorded_at FROM es_events WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint)
               ORDER BY tx_id, seq LIMIT $3) b`,
      values: [from.tx.toString(), from.seq.toString(), cap],
    });
    const row = result.rows[0];
    const events = row?.events ?? 0;
    return { events, capped: events >= cap, oldestRecordedAt: row?.oldest ?? undefined };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#notifier.close();
    if (this.#ownsPool) await this.#pool.end();
  }
}
