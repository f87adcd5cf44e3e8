import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { keptSecret } from '@benvung/event-store';

/** Minimum secret length: HS256 keys shorter than the hash output weaken it. */
export const MIN_SECRET_LENGTH = 32;

export const secretFile = (dataDir: string) => join(dataDir, 'jwt-secret');

/**
 * The secret from AUTH_JWT_SECRET, else the one kept in the data directory (created on first start,
 * mode 0600), so `pnpm token` can sign tokens for a local installation.
 */
export async function resolveJwtSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const secret = await keptSecret(secretFile(dataDir), () => randomBytes(48).toString('base64url'));
  return new TextEncoder().encode(secret);
}
