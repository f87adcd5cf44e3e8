import { personalDigest } from './hash.js';
import type { PersonalData } from './port.js';
import { hashOf, type PreparedEvent } from './prepare.js';

/** What an adapter knows of an already stored event with one of the ids being appended. */
export interface StoredIdentity {
  eventId: string;
  streamId: string;
  version: number;
  position: string;
  contentHash: Buffer;
  /** null once erased (or when there never was any). */
  personal: { salt: string; values: PersonalData } | null;
  personalDigest: Buffer | null;
}

export type ReplayDecision =
  /** None of the ids is stored: append normally. */
  | { kind: 'new' }
  /** All are stored with the same content: nothing to append, answer with the original result. */
  | { kind: 'replay'; nextExpectedVersion: number; position: string }
  /** Some are stored elsewhere, with other content, or only some of them are. */
  | { kind: 'conflict' };

/**
 * Same content means the same stored form. The personal digest is salted with a fresh salt per append,
 * so a retry's digest never equals the original's: compare the retry's personal values under the
 * stored salt instead. Once erased they cannot be compared; the rest of the content still is.
 */
function sameContent(streamId: string, next: PreparedEvent, stored: StoredIdentity): boolean {
  if (stored.streamId !== streamId) return false;
  if ((next.personal === null) !== (stored.personalDigest === null)) return false;
  if (next.personal && stored.personal && stored.personalDigest) {
    if (!personalDigest(next.personal.values, stored.personal.salt).equals(stored.personalDigest)) return false;
  }
  return hashOf(streamId, next, stored.personalDigest).equals(stored.contentHash);
}

export function decideReplay(
  streamId: string,
  events: readonly PreparedEvent[],
  stored: readonly StoredIdentity[],
): ReplayDecision {
  if (stored.length === 0) return { kind: 'new' };
  const byId = new Map(stored.map((s) => [s.eventId, s]));
  let last: StoredIdentity | undefined;
  for (const e of events) {
    const s = byId.get(e.eventId);
    if (!s || !sameContent(streamId, e, s)) return { kind: 'conflict' };
    if (!last || s.version > last.version) last = s;
  }
  return last ? { kind: 'replay', nextExpectedVersion: last.version, position: last.position } : { kind: 'conflict' };
}
