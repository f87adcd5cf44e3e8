import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A directory of the machine's PostgreSQL programs (pg_basebackup, pg_verifybackup, initdb, pg_ctl…). */
export interface PgTools {
  bindir: string;
  /** Major version of the programs: 15, 16, … */
  major: number;
  /** Full path of one program of this directory. */
  bin(name: string): string;
}

/** The directories to look in: PG_BINDIR alone when set; else `pg_config --bindir` and Debian's layout. */
async function candidateDirs(): Promise<string[]> {
  if (process.env.PG_BINDIR) return [process.env.PG_BINDIR];
  const dirs: string[] = [];
  const fromPgConfig = await run('pg_config', ['--bindir']).then(
    (r) => r.stdout.trim(),
    () => undefined,
  );
  if (fromPgConfig) dirs.push(fromPgConfig);
  const debian = '/usr/lib/postgresql';
  for (const version of await readdir(debian).catch(() => [] as string[])) dirs.push(join(debian, version, 'bin'));
  return dirs;
}

async function toolsIn(bindir: string): Promise<PgTools | undefined> {
  const probe = join(bindir, 'pg_basebackup');
  if (!existsSync(probe)) return undefined;
  // "pg_basebackup (PostgreSQL) 15.14 (Debian …)"
  const out = await run(probe, ['--version']).then(
    (r) => r.stdout,
    () => '',
  );
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(out)?.[1]);
  if (!Number.isInteger(major)) return undefined;
  return { bindir, major, bin: (name) => join(bindir, name) };
}

/**
 * The machine's PostgreSQL programs: of exactly `major` when given (a restore needs the server of the
 * backup's version, and pg_waldump reads only its own version's WAL), else the newest found.
 * pg_basebackup takes backups of servers of its own version or older, so `atLeast` picks a usable one.
 */
export async function findPgTools(want: { major?: number; atLeast?: number } = {}): Promise<PgTools | undefined> {
  const found: PgTools[] = [];
  for (const dir of await candidateDirs()) {
    const tools = await toolsIn(dir);
    if (tools && !found.some((t) => t.bindir === tools.bindir)) found.push(tools);
  }
  const fitting = found.filter(
    (t) => (want.major === undefined || t.major === want.major) && t.major >= (want.atLeast ?? 0),
  );
  // With `atLeast`, the oldest that is new enough: the server's own version when present, whose
  // pg_waldump can still read the backup's WAL. Otherwise the newest.
  fitting.sort((a, b) => (want.atLeast !== undefined ? a.major - b.major : b.major - a.major));
  return fitting[0];
}

/**
 * The user PostgreSQL's server programs (initdb, postgres, pg_ctl) must run as: they refuse root, so
 * as root it is `postgres`; otherwise whoever runs this. A data directory must belong to that user.
 */
export async function serverAccount(): Promise<{ uid: number; gid: number; name: string } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g'), name: 'postgres' };
}

/** Runs a program, failing with its output (a person needs pg_basebackup's own words, not an exit code). */
export async function runTool(
  file: string,
  args: readonly string[],
  options: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  try {
    const r = await run(file, args, {
      ...options,
      env: { ...process.env, LC_MESSAGES: 'C', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${r.stdout}${r.stderr}`;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message}`);
  }
}
