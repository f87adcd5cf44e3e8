import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata, PersonalData } from './port.js';

/** The chain starts from 32 zero bytes. */
export const GENESIS_HASH = Buffer.alloc(32);

function sha256(...parts: Buffer[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised as JSON');
  return text;
}

/**
 * Digest of the personal part: salted, so a name or ID number cannot be confirmed by guessing from the
 * digest. The salt is stored with the personal data and erased with it; the digest stays in the chain.
 */
export function personalDigest(personal: PersonalData, salt: string): Buffer {
  return sha256(Buffer.from(canonical({ personal, salt }), 'utf8'));
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

export interface HashedForm {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  personalDigest: string | null;
  metadata: EventMetadata;
  occurredAt: Date;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the stored form. Personal fields enter only through their
 * digest, so encrypting or erasing them later leaves every content hash, and so the chain, intact.
 */
export function contentHash(form: HashedForm): Buffer {
  return sha256(
    Buffer.from(
      canonical({
        eventId: form.eventId,
        streamId: form.streamId,
        type: form.type,
        schemaVersion: form.schemaVersion,
        data: form.data,
        personalDigest: form.personalDigest,
        metadata: form.metadata,
        occurredAt: form.occurredAt.toISOString(),
      }),
      'utf8',
    ),
  );
}

/** hash(n) = SHA-256(hash(n-1) ‖ contentHash(n) ‖ version(n) as 4-byte big-endian). */
export function chainHash(previous: Buffer, content: Buffer, version: number): Buffer {
  const v = Buffer.alloc(4);
  v.writeUInt32BE(version);
  return sha256(previous, content, v);
}
