import canonicalize from 'canonicalize';
import { concatBytes, int64, uint32, utf8ToBytes } from './bytes.js';

/**
 * What an event's hashes are computed over. The store computes them with Node's crypto; this module
 * defines the inputs once, so the store, the verify command and the browser agree byte for byte.
 */
export interface HashedForm {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  /** Hex; the personal part enters only through its salted digest, so it can be erased. */
  personalDigest: string | null;
  metadata: Record<string, unknown>;
  /** ISO 8601 with milliseconds. */
  occurredAt: string;
}

/** RFC 8785 canonical JSON of the stored form, as UTF-8: the content hash's input. */
export function contentHashInput(form: HashedForm): Uint8Array {
  const text = canonicalize({
    eventId: form.eventId,
    streamId: form.streamId,
    type: form.type,
    schemaVersion: form.schemaVersion,
    data: form.data,
    personalDigest: form.personalDigest,
    metadata: form.metadata,
    occurredAt: form.occurredAt,
  });
  if (text === undefined) throw new TypeError('value cannot be canonicalised as JSON');
  return utf8ToBytes(text);
}

/**
 * The chain hash's input. Scheme 1 (events stored before recorded times were hashed):
 * previous ‖ content ‖ version. Scheme 2: the same ‖ recorded time in epoch milliseconds, so the
 * time the store recorded an event is as fixed as its content.
 */
export function chainHashInput(
  previous: Uint8Array,
  content: Uint8Array,
  version: number,
  recorded?: { scheme: 1 } | { scheme: 2; recordedAtMs: number },
): Uint8Array {
  const base = concatBytes(previous, content, uint32(version));
  return recorded?.scheme === 2 ? concatBytes(base, int64(recorded.recordedAtMs)) : base;
}
