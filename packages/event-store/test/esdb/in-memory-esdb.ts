import { EventEmitter } from 'node:events';
import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  ANY,
  type AppendExpectedRevision,
  type AppendResult,
  BACKWARDS,
  END,
  type EventData,
  type Filter,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  type StreamingRead,
} from '@eventstore/db-client';
import type { EsdbClient } from '../../src/esdb/client.js';

/**
 * A TEST MODEL of EventStoreDB, in memory: the behaviour the adapter relies on, as documented for
 * EventStoreDB 24 and its Node client 6.2 — 0-based revisions, expected-revision checks, idempotent
 * success for a write whose event ids already sit at the expected revision, $all with system events
 * and (commit, prepare) positions, reads of $all that start AT a position, subscriptions that start
 * AFTER it, event-type filters with checkpoints, `caughtUp`. It exercises the adapter's logic where no
 * server can run; it proves nothing about the real server, which the contract suite also runs against
 * wherever EVENTSTORE_CONNECTION_STRING or a container runtime exists.
 */
interface Rec {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: true;
  created: Date;
  data: unknown;
  metadata: unknown;
  position: Position;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function before(a: Position, b: Position): boolean {
  return a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);
}

function streamingRead<E>(produce: () => Promise<E[]>): StreamingRead<E> {
  const iterate = async function* () {
    await tick();
    yield* await produce();
  };
  // Only iteration is used by the adapter; the Readable surface is not modelled.
  return Object.assign(iterate(), { cancel: async () => {} }) as unknown as StreamingRead<E>;
}

class ModelSubscription extends EventEmitter {
  paused = false;
  stopped = false;
  readonly #pending: AllStreamResolvedEvent[] = [];
  #skipped: Position | undefined;
  constructor(
    readonly matches: (r: Rec) => boolean,
    readonly filter: Filter | undefined,
  ) {
    super();
  }
  offer(r: Rec): void {
    if (this.stopped) return;
    if (this.matches(r)) {
      this.#pending.push({ event: r as never, commitPosition: r.position.commit });
    } else {
      // The server sends checkpoints while it searches past filtered-out events — and they can lag
      // behind events already delivered: report the one skipped before this one.
      if (this.#skipped) this.filter?.checkpointReached?.(this as never, this.#skipped);
      this.#skipped = r.position;
    }
    this.flush();
  }
  flush(): void {
    while (!this.paused && !this.stopped && this.#pending.length > 0) this.emit('data', this.#pending.shift());
  }
  pause() {
    this.paused = true;
    return this;
  }
  resume() {
    this.paused = false;
    setImmediate(() => this.flush());
    return this;
  }
  isPaused() {
    return this.paused;
  }
  async unsubscribe() {
    this.stopped = true;
  }
}

export class InMemoryEsdb {
  readonly #log: Rec[] = [];
  readonly #streams = new Map<string, Rec[]>();
  readonly #subscriptions = new Set<ModelSubscription>();
  #commit = 0n;

  constructor() {
    this.#write('$settings', [{ id: crypto.randomUUID(), type: '$metadata', data: {}, metadata: {} }]);
  }

  #write(
    streamId: string,
    events: ReadonlyArray<{ id: string; type: string; data: unknown; metadata: unknown }>,
  ): Rec[] {
    const stream = this.#streams.get(streamId) ?? [];
    this.#streams.set(streamId, stream);
    this.#commit += 1000n;
    const written = events.map((e, i): Rec => {
      const rec: Rec = {
        streamId,
        id: e.id,
        revision: BigInt(stream.length),
        type: e.type,
        isJson: true,
        created: new Date(),
        // Stored as bytes: what comes back is the JSON, parsed again.
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: JSON.parse(JSON.stringify(e.metadata ?? {})),
        position: { commit: this.#commit, prepare: this.#commit + BigInt(i) },
      };
      stream.push(rec);
      this.#log.push(rec);
      return rec;
    });
    for (const sub of this.#subscriptions) for (const r of written) sub.offer(r);
    return written;
  }

  readonly client: EsdbClient = {
    appendToStream: (async (
      streamName: string,
      events: EventData | EventData[],
      options?: { expectedRevision?: AppendExpectedRevision },
    ) => {
      await tick();
      const list = Array.isArray(events) ? events : [events];
      const stream = this.#streams.get(streamName) ?? [];
      const expected = options?.expectedRevision ?? ANY;
      const last = stream.length - 1;
      const holds =
        expected === ANY ||
        (expected === NO_STREAM && stream.length === 0) ||
        (expected === STREAM_EXISTS && stream.length > 0) ||
        (typeof expected === 'bigint' && BigInt(last) === expected);
      if (!holds) {
        const start = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
        const there = start >= 0 ? stream.slice(start, start + list.length) : [];
        if (there.length === list.length && there.every((r, i) => r.id === list[i]?.id)) {
          const lastRec = there.at(-1) as Rec;
          return {
            success: true,
            nextExpectedRevision: lastRec.revision,
            position: lastRec.position,
          } satisfies AppendResult;
        }
        throw Object.assign(new Error('wrong expected version'), {
          type: 'wrong-expected-version',
          streamName,
          expectedVersion: expected,
          actualVersion: stream.length === 0 ? NO_STREAM : BigInt(last),
        });
      }
      const written = this.#write(streamName, list);
      if (this.#commit % 5000n === 0n)
        this.#write('$stats-127.0.0.1:2113', [
          { id: crypto.randomUUID(), type: '$statsCollected', data: {}, metadata: {} },
        ]);
      const lastRec = written.at(-1) as Rec;
      return {
        success: true,
        nextExpectedRevision: lastRec.revision,
        position: lastRec.position,
      } satisfies AppendResult;
    }) as EsdbClient['appendToStream'],

    readStream: ((
      streamName: string,
      options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {},
    ) =>
      streamingRead<ResolvedEvent>(async () => {
        const stream = this.#streams.get(streamName);
        if (!stream)
          throw Object.assign(new Error(`${streamName} not found`), { type: 'stream-not-found', streamName });
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
        if (options.direction === BACKWARDS) {
          // Backwards from past the end: modelled as the stricter answer (nothing); the adapter copes either way.
          const start = from === END ? stream.length - 1 : from === START ? 0 : Number(from);
          if (start >= stream.length) return [];
          return stream
            .slice(Math.max(0, start - max + 1), start + 1)
            .reverse()
            .map((r) => ({ event: r as never }));
        }
        const start = from === START ? 0 : from === END ? stream.length : Number(from);
        return stream.slice(start, start + max).map((r) => ({ event: r as never }));
      })) as EsdbClient['readStream'],

    readAll: ((options: { fromPosition?: ReadPosition; direction?: string; maxCount?: number | bigint } = {}) =>
      streamingRead<AllStreamResolvedEvent>(async () => {
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const from = options.fromPosition ?? START;
        const log = options.direction === BACKWARDS ? [...this.#log].reverse() : this.#log;
        const start =
          from === START || from === END
            ? 0
            : log.findIndex((r) =>
                options.direction === BACKWARDS ? !before(from, r.position) : !before(r.position, from),
              );
        if (start < 0) return [];
        return log.slice(start, start + max).map((r) => ({ event: r as never, commitPosition: r.position.commit }));
      })) as EsdbClient['readAll'],

    subscribeToAll: ((options: { fromPosition?: ReadPosition; filter?: Filter } = {}) => {
      const regex = options.filter && 'regex' in options.filter ? new RegExp(options.filter.regex) : undefined;
      const sub = new ModelSubscription((r) => (regex ? regex.test(r.type) : !r.type.startsWith('$')), options.filter);
      const from = options.fromPosition ?? START;
      setImmediate(() => {
        sub.emit('confirmation');
        for (const r of this.#log) if (from === START || (from !== END && before(from, r.position))) sub.offer(r);
        this.#subscriptions.add(sub);
        sub.emit('caughtUp');
      });
      return sub as unknown as AllStreamSubscription;
    }) as EsdbClient['subscribeToAll'],

    dispose: async () => {
      for (const sub of this.#subscriptions) await sub.unsubscribe();
    },
  };
}
