import { rm } from 'node:fs/promises';
import { readOwner } from './owner.js';
import { pgCtlStop } from './pg-ctl.js';
import { postmasterPidFile, readPostmasterPid } from './postmaster-pid.js';
import { isAlive, isPostgresOf, parentPid } from './processes.js';

/**
 * Makes a data directory startable after its last owner died without stopping the server (kill -9 of
 * the start command, a crash): otherwise PostgreSQL refuses with "lock file postmaster.pid already
 * exists". Reading postmaster.pid:
 * - no live process under that pid: a stale lock; PostgreSQL would take it over itself, but removing
 *   it also covers a pid since reused;
 * - a live process that is not a server of this data directory (a reused pid): a stale lock, removed;
 * - a server of this data directory whose starter is gone (an orphan): stopped with pg_ctl, fast and
 *   then immediate, so the start that follows owns its server and its settings (port, flags);
 * - a server whose starter still runs (another `pnpm start` on the same DATA_DIR): left alone, and
 *   an error says so — stopping it would pull the database from under a running service.
 * A process that cannot be inspected is never taken for a stale lock: two servers on one data
 * directory would corrupt it.
 */
export async function recoverDataDir(dir: string, dataDir: string, progress: (message: string) => void): Promise<void> {
  const lock = await readPostmasterPid(dataDir);
  if (!lock) return;
  if (!(await isAlive(lock.pid))) {
    progress(`removing the stale postmaster.pid of ${dataDir} (pid ${lock.pid} is gone)`);
    await rm(postmasterPidFile(dataDir), { force: true });
    return;
  }
  const identity = await isPostgresOf(lock.pid, dataDir);
  if (identity === 'no') {
    progress(`removing the stale postmaster.pid of ${dataDir} (pid ${lock.pid} is another program now)`);
    await rm(postmasterPidFile(dataDir), { force: true });
    return;
  }
  if (identity === 'unknown') {
    throw new Error(
      `${dataDir} is locked by process ${lock.pid}, which cannot be inspected: stop it, or remove ${postmasterPidFile(dataDir)} if it is no PostgreSQL server`,
    );
  }
  const owner = await readOwner(dir);
  const starter = await parentPid(lock.pid);
  const orphaned = owner !== undefined ? starter !== owner || !(await isAlive(owner)) : starter === 1;
  if (!orphaned) {
    throw new Error(
      `the PostgreSQL server of ${dataDir} (pid ${lock.pid}, port ${lock.port}) is in use by process ${starter ?? 'unknown'} — another start on the same DATA_DIR?`,
    );
  }
  progress(`stopping the PostgreSQL server of ${dataDir} left running by an earlier start (pid ${lock.pid})`);
  if ((await pgCtlStop(dataDir, 'fast', 15)).stopped || !(await isAlive(lock.pid))) return;
  const immediate = await pgCtlStop(dataDir, 'immediate', 15);
  if (!immediate.stopped && (await isAlive(lock.pid))) {
    throw new Error(`could not stop the PostgreSQL server of ${dataDir} (pid ${lock.pid}): ${immediate.output}`);
  }
}
