import { execFile } from 'node:child_process';
import { readFile, readlink, realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True while a process with this pid exists (a zombie counts as gone: it only waits to be reaped). */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Field 3, after the parenthesised command name: the state.
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The parent's pid, from /proc on Linux or `ps` elsewhere; undefined when it cannot be read. */
export async function parentPid(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const text =
    stat !== undefined
      ? stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]
      : await run('ps', ['-o', 'ppid=', '-p', String(pid)]).then(
          (r) => r.stdout.trim(),
          () => undefined,
        );
  const ppid = Number(text);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
}

/** The process's arguments, from /proc on Linux or `ps` elsewhere (split on spaces there). */
async function commandLine(pid: number): Promise<string[] | undefined> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (raw !== undefined) return raw.split('\0').filter(Boolean);
  return run('ps', ['-o', 'command=', '-p', String(pid)]).then(
    (r) => r.stdout.trim().split(/\s+/).filter(Boolean),
    () => undefined,
  );
}

const samePath = async (a: string, b: string) => {
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
};

/**
 * Whether `pid` is a PostgreSQL server of `dataDir`: its program is `postgres` and it was started with
 * `-D dataDir`, or (started with PGDATA) its working directory is the data directory — the server
 * changes into it at start. 'unknown' when the process cannot be inspected: the caller must not
 * treat an unknown process as a stale lock.
 */
export async function isPostgresOf(pid: number, dataDir: string): Promise<'yes' | 'no' | 'unknown'> {
  const args = await commandLine(pid);
  if (!args || args.length === 0) return 'unknown';
  if (basename(args[0] ?? '') !== 'postgres' && basename(args[0] ?? '') !== 'postmaster') return 'no';
  const d = args.indexOf('-D');
  const given = d >= 0 ? args[d + 1] : args.find((a) => a.startsWith('-D'))?.slice(2);
  if (given) return (await samePath(given, dataDir)) ? 'yes' : 'no';
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  if (cwd === undefined) return 'unknown';
  return (await samePath(cwd, dataDir)) ? 'yes' : 'no';
}
