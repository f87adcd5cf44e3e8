import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { clusterDirOf, passwordFileOf, startEmbeddedPostgres, superuserUrl } from './embedded-postgres.js';

export interface LocalDatabase {
  url: string;
  /** Where it came from, for a person to read. */
  description: string;
  /** Stops the server only if this call started it. */
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * For tools (seed, rebuild, bench) on the laptop default: DATABASE_URL if set; else the embedded
 * server of DATA_DIR if `pnpm start` is running it (postmaster.pid names its port); else start it.
 */
export async function openLocalDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<LocalDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, description: 'DATABASE_URL', release: async () => {} };
  const dir = resolve(options.dataDir);
  const pidFile = join(clusterDirOf(dir), 'postmaster.pid');
  if (existsSync(pidFile)) {
    // postmaster.pid: line 1 the pid, line 4 the port (PostgreSQL's documented layout).
    const lines = (await readFile(pidFile, 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid > 0 && port > 0 && isRunning(pid)) {
      const password = (await readFile(passwordFileOf(dir), 'utf8')).trim();
      return {
        url: superuserUrl(password, port),
        description: `running embedded PostgreSQL of ${dir} (port ${port})`,
        release: async () => {},
      };
    }
  }
  const server = await startEmbeddedPostgres({ dir, persistent: true });
  return {
    url: server.url,
    description: `embedded PostgreSQL of ${dir}, started for this command`,
    release: () => server.stop(),
  };
}
