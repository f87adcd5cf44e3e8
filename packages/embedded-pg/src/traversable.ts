import { chmod, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user, which must be
 * able to walk down to its data directory. A checkout under a 0700 directory (mktemp -d) would stop
 * it; we add only the search bit (o+x, not read) to the ancestors that lack it.
 * Returns the directories that were changed so the caller can say so.
 */
export async function ensureAncestorsTraversable(dir: string): Promise<string[]> {
  const changed: string[] = [];
  let current = dirname(resolve(dir));
  for (;;) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      changed.push(current);
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return changed;
}
