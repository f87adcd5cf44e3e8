import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './errors.js';
import { contentHash, newSalt, personalDigest } from './hash.js';
import type { EventMetadata, EventToAppend, PersonalData } from './port.js';
import { MAX_INT4 } from './read-options.js';

/** Most events one append may carry (PostgreSQL binds 9 parameters per event, at most 65,535 in all). */
export const MAX_EVENTS_PER_APPEND = 5000;
export const MAX_STREAM_ID_LENGTH = 200;
const MAX_TYPE_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_TIME = Date.UTC(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An event checked, given its id and salt, and content-hashed: what every adapter writes. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  personal: { salt: string; values: PersonalData } | null;
  personalDigest: Buffer | null;
  metadata: EventMetadata;
  occurredAt: Date;
  contentHash: Buffer;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PostgreSQL text and jsonb cannot hold U+0000: refuse it for every adapter alike, before any I/O. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(containsNul);
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
}

/** Canonical JSON refuses NaN, Infinity, lone surrogates and cycles; say which event, not a stack trace. */
function guarded<T>(what: string, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    throw new InvalidAppendError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

export function checkStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppendError(`stream id must be 1–${MAX_STREAM_ID_LENGTH} characters`);
  }
  // '$' starts EventStoreDB's system streams; NUL cannot be stored in PostgreSQL text.
  if (streamId.startsWith('$') || streamId.includes('\u0000')) {
    throw new InvalidAppendError(`stream id ${JSON.stringify(streamId)} is reserved or not storable`);
  }
}

function prepareOne(streamId: string, e: EventToAppend, index: number): PreparedEvent {
  const where = `event ${index}`;
  if (e.eventId !== undefined && (typeof e.eventId !== 'string' || !UUID.test(e.eventId))) {
    throw new InvalidAppendError(`${where}: eventId must be a UUID`);
  }
  // Stores hand UUIDs back in lower case; the hash must be over the form that comes back.
  const eventId = (e.eventId ?? randomUUID()).toLowerCase();
  if (
    typeof e.type !== 'string' ||
    e.type.length === 0 ||
    e.type.length > MAX_TYPE_LENGTH ||
    e.type.startsWith('$') ||
    e.type.includes('\u0000')
  ) {
    throw new InvalidAppendError(`${where}: type must be 1–${MAX_TYPE_LENGTH} characters and not start with '$'`);
  }
  const schemaVersion = e.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_INT4) {
    throw new InvalidAppendError(`${where}: schemaVersion must be a positive integer`);
  }
  if (!isPlainObject(e.data)) throw new InvalidAppendError(`${where}: data must be a JSON object`);
  if (
    !isPlainObject(e.metadata) ||
    typeof e.metadata.actorId !== 'string' ||
    typeof e.metadata.actorRole !== 'string'
  ) {
    throw new InvalidAppendError(`${where}: metadata needs actorId and actorRole`);
  }
  if (!(e.occurredAt instanceof Date) || !(e.occurredAt.getTime() >= MIN_TIME && e.occurredAt.getTime() <= MAX_TIME)) {
    throw new InvalidAppendError(`${where}: occurredAt must be a valid date between years 1 and 9999`);
  }
  if (e.personal != null && !isPlainObject(e.personal)) {
    throw new InvalidAppendError(`${where}: personal must be a JSON object or null`);
  }
  if (containsNul(e.data) || containsNul(e.metadata) || containsNul(e.personal)) {
    throw new InvalidAppendError(`${where}: U+0000 cannot be stored`);
  }
  const personal = e.personal ? { salt: newSalt(), values: e.personal } : null;
  const digest = personal ? guarded(`${where}: personal`, () => personalDigest(personal.values, personal.salt)) : null;
  const fields = { eventId, type: e.type, schemaVersion, data: e.data, metadata: e.metadata, occurredAt: e.occurredAt };
  return {
    eventId,
    type: e.type,
    schemaVersion,
    data: e.data,
    personal,
    personalDigest: digest,
    metadata: e.metadata,
    occurredAt: e.occurredAt,
    contentHash: guarded(`${where}: data or metadata`, () => hashOf(streamId, fields, digest)),
  };
}

/** The content hash of an event's stored form, given the personal digest it is (or was) stored with. */
export function hashOf(
  streamId: string,
  e: Pick<PreparedEvent, 'eventId' | 'type' | 'schemaVersion' | 'data' | 'metadata' | 'occurredAt'>,
  digest: Buffer | null,
): Buffer {
  return contentHash({
    eventId: e.eventId,
    streamId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    personalDigest: digest ? digest.toString('hex') : null,
    metadata: e.metadata,
    occurredAt: e.occurredAt,
  });
}

/** Validates an append and computes what is stored; throws InvalidAppendError before any I/O. */
export function prepareEvents(streamId: string, events: readonly EventToAppend[]): PreparedEvent[] {
  checkStreamId(streamId);
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError(`an append carries 1–${MAX_EVENTS_PER_APPEND} events, got ${events?.length}`);
  }
  const prepared = events.map((e, i) => prepareOne(streamId, e, i));
  const ids = new Set(prepared.map((p) => p.eventId));
  if (ids.size !== prepared.length) throw new InvalidAppendError('an append carries the same eventId twice');
  return prepared;
}

/** An erasure event, checked like any append; it must carry no personal part (it would be erased at once). */
export function prepareErasure(streamId: string, erasure: EventToAppend): PreparedEvent {
  if (erasure?.personal != null) throw new InvalidAppendError('an erasure event must carry no personal data');
  const [prepared] = prepareEvents(streamId, [erasure]);
  if (!prepared) throw new InvalidAppendError('an erasure needs its event');
  return prepared;
}
