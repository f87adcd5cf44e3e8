import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Minimum secret length: HS256 keys shorter than the hash output weaken it. */
export const MIN_SECRET_LENGTH = 32;

export const secretFile = (dataDir: string) => join(dataDir, 'jwt-secret');

/**
 * The secret from AUTH_JWT_SECRET, else the one kept in the data directory (created on first start,
 * mode 0600), so `pnpm token` can sign tokens for a local installation.
 */
export async function resolveJwtSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const file = secretFile(dataDir);
  if (!existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' }).catch(
      (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      },
    );
  }
  return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
}
