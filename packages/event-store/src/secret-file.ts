import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A secret kept in a file of the data directory: read when it exists, else written once (mode 0600,
 * exclusive create, so two processes starting together keep the same one) from `generate`. How a local
 * installation keeps the keys an operator did not configure: token secret, pseudonym key, signing key.
 */
export async function keptSecret(file: string, generate: () => string): Promise<string> {
  if (!existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
  return (await readFile(file, 'utf8')).trim();
}
