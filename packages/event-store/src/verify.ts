import { chainHash, GENESIS_HASH, personalDigest } from './hash.js';
import type { EventMetadata, StreamVerification } from './port.js';
import { hashOf } from './prepare.js';

/** An event exactly as stored, before any upcasting: the input of the chain check. */
export interface StoredEvent {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  personal: { salt: string; values: Record<string, unknown> } | null;
  personalDigest: Buffer | null;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
  chainScheme: 1 | 2;
  hash: Buffer;
}

/** A stream's last version and hash as recorded beside its events, in the same transaction. */
export interface StreamHead {
  version: number;
  hash: Buffer;
}

/** The chain hash an event should have, given the hash before it. */
export function expectedChainHash(e: StoredEvent, previous: Buffer): Buffer {
  const content = hashOf(e.streamId, e, e.personalDigest);
  return chainHash(previous, content, e.version, e.chainScheme === 2 ? e.recordedAt.getTime() : undefined);
}

/**
 * Recomputes every content hash and the chain; names the first version that does not match. With a
 * recorded head, a stream whose events stop short of it (its last events deleted) or end on another
 * hash (rewritten) fails too: the chain alone cannot see a cut at its end.
 */
export function verifyChain(events: readonly StoredEvent[], head?: StreamHead | null): StreamVerification {
  let previous: Buffer = GENESIS_HASH;
  const headField = head ? { head: { version: head.version, hash: head.hash.toString('hex') } } : {};
  for (const [index, e] of events.entries()) {
    const fail = (reason: string): StreamVerification => ({
      valid: false,
      events: events.length,
      firstInvalidVersion: e.version,
      reason,
      ...headField,
    });
    if (e.version !== index + 1) return fail(`version ${e.version} found where ${index + 1} was expected`);
    if (e.personal && !personalDigest(e.personal.values, e.personal.salt).equals(e.personalDigest ?? Buffer.alloc(0))) {
      return fail('personal data does not match its recorded digest');
    }
    if (!expectedChainHash(e, previous).equals(e.hash))
      return fail('stored form or chain does not match the recorded hash');
    previous = e.hash;
  }
  if (head !== undefined) {
    const last = events.length;
    const cut = (reason: string): StreamVerification => ({
      valid: false,
      events: last,
      firstInvalidVersion: Math.min(last + 1, head?.version ?? last + 1),
      reason,
      ...headField,
    });
    if (head === null)
      return cut('the stream has no recorded head: it was removed, or events were added around the store');
    if (head.version > last)
      return cut(`the events end at version ${last} but the recorded head is version ${head.version}`);
    if (head.version < last) return cut(`the recorded head is version ${head.version} but events run to ${last}`);
    if (!head.hash.equals(previous)) return cut('the last event’s hash is not the recorded head’s');
  }
  return { valid: true, events: events.length, ...headField };
}
