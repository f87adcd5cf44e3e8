/**
 * The event-store port: what every adapter (PostgreSQL, EventStoreDB) promises, and what the contract
 * suite in test/contract checks for each of them. Versions start at 1, every expected-version kind is
 * enforced, subscribers never skip an event that commits late, events are never changed in place.
 */

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; a number: exact version. */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventMetadata {
  actorId: string;
  actorRole: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

/** Personal fields kept apart from `data` so they can be erased without breaking the hash chain. */
export type PersonalData = Record<string, unknown>;

export interface EventToAppend {
  /**
   * A UUID, supplied by the caller for idempotency (generated when omitted): appending an id already
   * stored with the same content appends nothing and answers with the original result; with other
   * content it is an IdempotencyConflictError.
   */
  eventId?: string;
  type: string;
  schemaVersion?: number;
  data: Record<string, unknown>;
  personal?: PersonalData | null;
  metadata: EventMetadata;
  /** Business time: when it happened, as the command says. */
  occurredAt: Date;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  /** null when the stream never had personal data for this event or it was erased. */
  personal: PersonalData | null;
  /** Digest of the personal part as hashed into the chain (hex); null when there was none. */
  personalDigest: string | null;
  metadata: EventMetadata;
  occurredAt: Date;
  /** Store time. */
  recordedAt: Date;
  /** 1-based position in the stream. */
  version: number;
  /** Opaque global position; compare only with `store.comparePositions`. */
  position: string;
  /** SHA-256 chain hash (hex) over the previous hash and this event's stored form. */
  hash: string;
  /** 2 when `recordedAt` is part of `hash` (see hash.ts); 1 for events stored before, and EventStoreDB. */
  chainScheme: 1 | 2;
}

/** What `erasePersonalData` did: the erasure event's append, and how many events lost their personal part. */
export interface ErasureResult extends AppendResult {
  /** Events whose personal part was erased (0 when replayed). */
  erasedEvents: number;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextExpectedVersion: number;
  /** Global position of the last event appended (or of the original append when replayed). */
  position: string;
  /** True when every event was already stored with the same content: nothing was appended. */
  replayed: boolean;
}

/**
 * `fromVersion` is where reading starts in the chosen direction (default: the first event forward, the
 * last backward) and `toVersion` where it stops, both inclusive; at most `maxCount` events.
 */
export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  maxCount?: number;
  direction?: 'forward' | 'backward';
}

/** One stream of a `readStreams` call: its events from the first up to `toVersion` (inclusive; all when omitted). */
export interface StreamRead {
  streamId: string;
  toVersion?: number;
}

/** Most streams one `readStreams` call may name. */
export const MAX_STREAMS_PER_READ = 1000;

export interface ReadAllOptions {
  /** Exclusive; omit to start from the beginning. */
  after?: string;
  /** 1–10,000 (default 1,000). */
  maxCount?: number;
  /** Stored event types (before upcasting); all when omitted or empty. */
  eventTypes?: readonly string[];
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /** Where the next read continues; moves past events filtered out by type too. */
  position: string | undefined;
  /** True when nothing more was available at the time of the read. */
  endOfLog: boolean;
}

export interface SubscribeOptions {
  after?: string;
  eventTypes?: readonly string[];
  batchSize?: number;
  signal?: AbortSignal;
}

export interface SubscriptionBatch {
  events: RecordedEvent[];
  /** Checkpoint to store after handling this batch. */
  position: string | undefined;
  /**
   * True once the subscriber has read everything committed so far (it is now live). On PostgreSQL it
   * is false while committed events wait behind an older transaction that is still open.
   */
  caughtUp: boolean;
}

export interface StreamVerification {
  valid: boolean;
  events: number;
  /** The stream's head as recorded beside it (version and hash), when the store keeps one. */
  head?: { version: number; hash: string };
  /** The first version whose stored form or chain does not match. */
  firstInvalidVersion?: number;
  reason?: string;
}

export interface EventStore {
  /**
   * Appends atomically, or not at all: ConcurrencyError when `expectedVersion` does not hold (with the
   * actual version), IdempotencyConflictError for a stored id with other content, InvalidAppendError
   * for malformed input (nothing is sent then).
   */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The events of several streams at once, each forward from version 1 up to its `toVersion`, keyed
   * by stream id: what a projection reads to rebuild the state of many households it does not hold.
   * A stream without events (or none up to its `toVersion`) is absent, not an error. At most
   * MAX_STREAMS_PER_READ streams, each named once; more is a RangeError.
   */
  readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>>;
  /** Current version of a stream, 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** Catches up from `after`, then follows new events as they commit, in batches. */
  subscribe(options?: SubscribeOptions): AsyncIterable<SubscriptionBatch>;
  verifyStream(streamId: string): Promise<StreamVerification>;
  /**
   * Erases the personal part of every event of the stream and appends `erasure` (the event recording
   * it, which must carry no personal part) in ONE transaction: either both happen or neither. The
   * chain still verifies, as only the personal digests are hashed. Errors as `appendToStream`
   * (ConcurrencyError when `expectedVersion` does not hold: nothing is erased then); a retry of an
   * erasure already recorded (same event id and content) erases nothing more and answers `replayed`.
   * ErasureNotSupportedError from an adapter whose events cannot change (EventStoreDB).
   */
  erasePersonalData(
    streamId: string,
    erasure: EventToAppend,
    options: { expectedVersion: ExpectedVersion },
  ): Promise<ErasureResult>;
  /** Orders two positions of this store: negative, zero or positive. */
  comparePositions(a: string, b: string): number;
  /**
   * Position of the newest committed event (undefined for an empty log). A subscriber reaches it once
   * every transaction older than it has ended.
   */
  headPosition(): Promise<string | undefined>;
  /**
   * How much of the log lies after `after`: what a reader at that position still has to read, counted
   * up to `cap` (operations ask often; the answer must stay cheap however far behind a reader is).
   */
  backlog(after: string | undefined, cap?: number): Promise<Backlog>;
  close(): Promise<void>;
}

export interface Backlog {
  /** Events after the position, at most the cap. */
  events: number;
  /** The count reached the cap: at least that many. */
  capped: boolean;
  /** Store time of the first event after the position: how long it has waited. */
  oldestRecordedAt: Date | undefined;
}

/** Default cap of `backlog`: enough to tell "far behind" from "nearly there". */
export const BACKLOG_CAP = 1_000_000;
