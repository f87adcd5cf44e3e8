import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { keptSecret } from '@benvung/event-store';

/** Minimum length of a configured export key, as for the JWT secret. */
export const MIN_EXPORT_KEY_LENGTH = 32;

export const exportKeyFile = (dataDir: string) => join(dataDir, 'export-pseudonym-key');

/**
 * The key that pseudonymises households in exports: EXPORT_PSEUDONYM_KEY, else the one kept in the
 * data directory (generated on first start, mode 0600). A secret of its own: whoever can sign tokens
 * (the JWT secret) must not be able to map pseudonyms back to households.
 */
export async function resolveExportPseudonymKey(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const key = await keptSecret(exportKeyFile(dataDir), () => randomBytes(48).toString('base64url'));
  return new TextEncoder().encode(key);
}
