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
  hash: Buffer;
}

/** Recomputes every content hash and the chain; names the first version that does not match. */
export function verifyChain(events: readonly StoredEvent[]): StreamVerification {
  let previous: Buffer = GENESIS_HASH;
  for (const [index, e] of events.entries()) {
    const fail = (reason: string): StreamVerification => ({
      valid: false,
      events: events.length,
      firstInvalidVersion: e.version,
      reason,
    });
    if (e.version !== index + 1) return fail(`version ${e.version} found where ${index + 1} was expected`);
    if (e.personal && !personalDigest(e.personal.values, e.personal.salt).equals(e.personalDigest ?? Buffer.alloc(0))) {
      return fail('personal data does not match its recorded digest');
    }
    const content = hashOf(e.streamId, e, e.personalDigest);
    const expected = chainHash(previous, content, e.version);
    if (!expected.equals(e.hash)) return fail('stored form or chain does not match the recorded hash');
    previous = e.hash;
  }
  return { valid: true, events: events.length };
}
