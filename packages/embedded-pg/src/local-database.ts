import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { clusterDirOf, passwordFileOf, startEmbeddedPostgres, superuserUrl } from './embedded-postgres.js';
import { readPostmasterPid } from './postmaster-pid.js';
import { isAlive } from './processes.js';

export interface LocalDatabase {
  url: string;
  /** Where it came from, for a person to read. */
  description: string;
  /** Stops the server only if this call started it. */
  release(): Promise<void>;
}

/**
 * For tools (seed, rebuild, bench) on the laptop default: DATABASE_URL if set; else the embedded
 * server of DATA_DIR if `pnpm start` is running it (postmaster.pid names its port); else start it.
 */
export async function openLocalDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<LocalDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, description: 'DATABASE_URL', release: async () => {} };
  const dir = resolve(options.dataDir);
  const lock = await readPostmasterPid(clusterDirOf(dir));
  if (lock && lock.port > 0 && (await isAlive(lock.pid))) {
    const password = (await readFile(passwordFileOf(dir), 'utf8')).trim();
    return {
      url: superuserUrl(password, lock.port),
      description: `running embedded PostgreSQL of ${dir} (port ${lock.port})`,
      release: async () => {},
    };
  }
  const server = await startEmbeddedPostgres({ dir, persistent: true });
  return {
    url: server.url,
    description: `embedded PostgreSQL of ${dir}, started for this command`,
    release: () => server.stop(),
  };
}
