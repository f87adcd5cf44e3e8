import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
} from '@eventstore/db-client';
import { ErasureNotSupportedError, StreamNotFoundError } from '../errors.js';
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
import { prepareEvents } from '../prepare.js';
import { MAX_VERSION, pageSize, streamRange, streamReads } from '../read-options.js';
import { UpcasterRegistry } from '../upcasting.js';
import { verifyChain } from '../verify.js';
import { appendPrepared } from './append.js';
import type { EsdbClient } from './client.js';
import { decode, toRecorded, toStored } from './envelope.js';
import { compareEncodedEsdbPositions, decodeEsdbPosition } from './position.js';
import { lastPosition, readAllPage, readStreamDecoded } from './reads.js';
import { revisionOfVersion, versionOfRevision } from './revisions.js';
import { subscriptionBatches } from './subscription.js';

/** Stream reads `readStreams` keeps in flight. */
const READS_AT_ONCE = 16;

export interface EsdbEventStoreOptions {
  /** For example `esdb://localhost:2113?tls=false`. */
  connectionString?: string;
  /** A client to use instead (not disposed by `close`). */
  client?: EsdbClient;
  upcasters?: UpcasterRegistry;
}

/**
 * The EventStoreDB adapter (`@eventstore/db-client`): the same port and contract as PostgreSQL.
 * Versions map to 0-based revisions; metadata, business time, the personal part and the hashes travel
 * in each event's metadata (envelope.ts); the chain hash is computed here and written with the
 * expected revision of the event it chains to; subscriptions are `subscribeToAll` with a type filter.
 * Personal data cannot be erased in place here (events are immutable): that needs crypto-shredding.
 */
export class EsdbEventStore implements EventStore {
  readonly #client: EsdbClient;
  readonly #ownsClient: boolean;
  readonly #upcasters: UpcasterRegistry;
  #closed = false;

  constructor(options: EsdbEventStoreOptions) {
    const { client, connectionString } = options;
    if (!client && !connectionString) throw new TypeError('connectionString or client is required');
    this.#ownsClient = !client;
    this.#client = client ?? EventStoreDBClient.connectionString(connectionString as string);
    this.#upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    checkExpectedVersion(options.expectedVersion);
    return appendPrepared(this.#client, streamId, prepareEvents(streamId, events), options.expectedVersion);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const range = streamRange(options);
    if (range.limit === 0 || range.lo > range.hi) {
      if ((await this.streamVersion(streamId)) === 0) throw new StreamNotFoundError(streamId);
      return [];
    }
    const read = (from: number) =>
      readStreamDecoded(this.#client, streamId, {
        direction: range.backward ? BACKWARDS : FORWARDS,
        fromRevision: from >= MAX_VERSION ? END : revisionOfVersion(from),
        maxCount: Math.min(range.limit, range.hi - range.lo + 1),
      });
    let decoded = await read(range.backward ? range.hi : range.lo);
    if (decoded?.length === 0 && range.backward && range.hi < MAX_VERSION) {
      // Backwards from past the end: do not rely on the server starting at the end instead.
      const version = await this.streamVersion(streamId);
      if (version > 0 && version < range.hi) decoded = await read(version);
    }
    if (decoded === undefined) throw new StreamNotFoundError(streamId);
    return decoded
      .map((d) => toRecorded(d, this.#upcasters))
      .filter((e) => e.version >= range.lo && e.version <= range.hi);
  }

  /** One read per stream (the client has no multi-stream read), READS_AT_ONCE at a time. */
  async readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>> {
    const checked = streamReads(reads);
    const out = new Map<string, RecordedEvent[]>();
    for (let i = 0; i < checked.length; i += READS_AT_ONCE) {
      const wave = checked.slice(i, i + READS_AT_ONCE);
      const results = await Promise.all(
        wave.map(({ streamId, toVersion }) =>
          readStreamDecoded(this.#client, streamId, {
            direction: FORWARDS,
            fromRevision: START,
            ...(toVersion < MAX_VERSION ? { maxCount: toVersion } : {}),
          }),
        ),
      );
      wave.forEach(({ streamId }, j) => {
        const events = (results[j] ?? []).map((d) => toRecorded(d, this.#upcasters));
        if (events.length > 0) out.set(streamId, events);
      });
    }
    return out;
  }

  async streamVersion(streamId: string): Promise<number> {
    const last = await readStreamDecoded(this.#client, streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    const event = last?.[0]?.event;
    return event ? versionOfRevision(event.revision) : 0;
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return readAllPage(this.#client, this.#upcasters, options.after, pageSize(options.maxCount), options.eventTypes);
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch> {
    return subscriptionBatches(
      {
        client: this.#client,
        toRecorded: (resolved: AllStreamResolvedEvent) => {
          const d = decode(resolved.event);
          return d && toRecorded(d, this.#upcasters);
        },
        head: async () => {
          const p = await lastPosition(this.#client, false);
          return p === undefined ? undefined : decodeEsdbPosition(p);
        },
        isClosed: () => this.#closed,
      },
      options,
    );
  }

  /**
   * EventStoreDB never changes a stored event, so personal data cannot be erased in place (that would
   * need encrypting it with a per-stream key to destroy: crypto-shredding, not built).
   */
  async erasePersonalData(
    _streamId: string,
    _erasure: EventToAppend,
    _options: { expectedVersion: ExpectedVersion },
  ): Promise<ErasureResult> {
    throw new ErasureNotSupportedError('the EventStoreDB adapter');
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const all = await readStreamDecoded(this.#client, streamId, { direction: FORWARDS, fromRevision: START });
    if (all === undefined || all.length === 0) throw new StreamNotFoundError(streamId);
    return verifyChain(all.map(toStored));
  }

  comparePositions(a: string, b: string): number {
    return compareEncodedEsdbPositions(a, b);
  }

  /** Position of the newest event of ours in $all (system events after it do not count). */
  headPosition(): Promise<string | undefined> {
    return lastPosition(this.#client, true);
  }

  /** EventStoreDB cannot count a range: the backlog is read page by page, up to the cap. */
  async backlog(after: string | undefined, cap = BACKLOG_CAP): Promise<Backlog> {
    let events = 0;
    let oldestRecordedAt: Date | undefined;
    let position = after;
    while (events < cap) {
      const page = await this.readAll({
        ...(position ? { after: position } : {}),
        maxCount: Math.min(1000, cap - events),
      });
      oldestRecordedAt ??= page.events[0]?.recordedAt;
      events += page.events.length;
      position = page.position;
      if (page.endOfLog || page.events.length === 0) break;
    }
    return { events, capped: events >= cap, oldestRecordedAt };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsClient) await this.#client.dispose();
  }
}
