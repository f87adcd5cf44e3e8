// @ts-check
/**
 * Stops a PostgreSQL server once the process that started it is gone: node orphan-watchdog.mjs
 * <owner pid> <postmaster pid> <data dir>. Plain JavaScript with no imports beyond Node's, so it
 * starts without a TypeScript loader and costs one idle process. See watchdog.ts for why it exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const POLL_MS = 500;
const [owner, postmaster] = process.argv.slice(2, 4).map(Number);
const dataDir = process.argv[4] ?? '';

/** State and start time from /proc (Linux); undefined elsewhere or when the process is gone. */
function procStat(/** @type {number} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], start: fields[19] };
  } catch {
    return undefined;
  }
}

/** Alive, not a zombie, and (where /proc tells) the same process as at launch, not a reused pid. */
function alive(/** @type {number} */ pid, /** @type {string | undefined} */ start) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (!stat) return true;
  return stat.state !== 'Z' && (start === undefined || stat.start === start);
}

/** The server still holds the data directory's lock under the pid we were given. */
function holdsLock() {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) === postmaster;
  } catch {
    return false;
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function exited(/** @type {number} */ withinMs, /** @type {string | undefined} */ start) {
  for (const until = Date.now() + withinMs; Date.now() < until; await sleep(100)) {
    if (!alive(Number(postmaster), start)) return true;
  }
  return false;
}

/** SIGINT and SIGQUIT are what `pg_ctl stop -m fast` and `-m immediate` send, without needing its user. */
async function stopServer(/** @type {string | undefined} */ start) {
  if (!holdsLock()) return;
  process.kill(Number(postmaster), 'SIGINT');
  if (await exited(15_000, start)) return;
  process.kill(Number(postmaster), 'SIGQUIT');
  await exited(10_000, start);
}

if (Number.isInteger(owner) && Number.isInteger(postmaster) && dataDir) {
  const ownerStart = procStat(Number(owner))?.start;
  const postmasterStart = procStat(Number(postmaster))?.start;
  const timer = setInterval(() => {
    if (!alive(Number(postmaster), postmasterStart)) {
      clearInterval(timer);
      return;
    }
    if (alive(Number(owner), ownerStart)) return;
    clearInterval(timer);
    stopServer(postmasterStart).catch(() => {});
  }, POLL_MS);
}
