import { createHash, randomBytes } from 'node:crypto';
import { chainHashInput, contentHashInput } from '@benvung/log-proof';
import canonicalize from 'canonicalize';
import type { EventMetadata, PersonalData } from './port.js';

/** The chain starts from 32 zero bytes. */
export const GENESIS_HASH = Buffer.alloc(32);

function sha256(...parts: Uint8Array[]): Buffer {
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
 * SHA-256 over the RFC 8785 canonical JSON of the stored form (defined in @benvung/log-proof, which
 * verifiers outside the service use too). Personal fields enter only through their digest, so
 * encrypting or erasing them later leaves every content hash, and so the chain, intact.
 */
export function contentHash(form: HashedForm): Buffer {
  return sha256(
    contentHashInput({
      ...form,
      metadata: form.metadata as unknown as Record<string, unknown>,
      occurredAt: form.occurredAt.toISOString(),
    }),
  );
}

/**
 * hash(n) = SHA-256(hash(n-1) ‖ contentHash(n) ‖ version(n) as 4-byte big-endian ‖ recorded time in
 * epoch milliseconds as 8-byte big-endian). The recorded time is left out for chain scheme 1: events
 * stored before it was hashed, and stores that assign no time of their own (EventStoreDB).
 */
export function chainHash(previous: Buffer, content: Buffer, version: number, recordedAtMs?: number): Buffer {
  return sha256(
    chainHashInput(
      previous,
      content,
      version,
      recordedAtMs === undefined ? { scheme: 1 } : { scheme: 2, recordedAtMs },
    ),
  );
}
