import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type PgTools, runTool } from './pg-tools.js';

/** What pg_basebackup --format=tar writes: the cluster, the WAL it streamed, and the manifest. */
export interface BaseBackupFiles {
  base: string;
  wal: string | undefined;
  manifest: string;
}

/**
 * The files of a tar-format base backup in `dir`. Tablespaces would come as `<oid>.tar` each, to be
 * placed where tablespace_map says: benvung creates none, and a restore of one is refused rather
 * than done half-way.
 */
export async function baseBackupFiles(dir: string): Promise<BaseBackupFiles> {
  const names = await readdir(dir).catch(() => {
    throw new Error(`no base backup in ${dir}: the directory cannot be read`);
  });
  for (const required of ['base.tar', 'backup_manifest']) {
    if (!names.includes(required)) {
      throw new Error(`no base backup in ${dir}: ${required} is missing (expected pnpm backup base's tar format)`);
    }
  }
  const others = names.filter((n) => n.endsWith('.tar') && n !== 'base.tar' && n !== 'pg_wal.tar');
  if (others.length > 0) {
    throw new Error(`${dir} holds tablespaces (${others.join(', ')}): restore it by hand, following tablespace_map`);
  }
  return {
    base: join(dir, 'base.tar'),
    wal: names.includes('pg_wal.tar') ? join(dir, 'pg_wal.tar') : undefined,
    manifest: join(dir, 'backup_manifest'),
  };
}

/** Unpacks a base backup into `target` (which must exist, empty), with its WAL into pg_wal/. */
export async function unpackBaseBackup(files: BaseBackupFiles, target: string): Promise<void> {
  await runTool('tar', ['-xf', files.base, '-C', target]);
  if (files.wal) {
    const walDir = join(target, 'pg_wal');
    if (!existsSync(walDir)) await mkdir(walDir, { mode: 0o700 });
    await runTool('tar', ['-xf', files.wal, '-C', walDir]);
  }
}

/** The major version the backup was taken of, read from PG_VERSION inside base.tar. */
export async function backupMajor(files: BaseBackupFiles): Promise<number> {
  const text = await runTool('tar', ['-xOf', files.base, 'PG_VERSION']);
  const major = Number(text.trim());
  if (!Number.isInteger(major)) throw new Error(`${files.base}: PG_VERSION reads ${JSON.stringify(text.trim())}`);
  return major;
}

/**
 * pg_verifybackup on an unpacked backup: every file against the manifest's sizes and checksums, and
 * the WAL from the backup's start to its end present and parseable (with pg_waldump). It reads only
 * plain directories before PostgreSQL 18, hence the unpacking first.
 */
export async function verifyUnpacked(tools: PgTools, files: BaseBackupFiles, unpacked: string): Promise<string> {
  // Some packagings leave it out of the client programs; the backup is then taken unchecked, and said so.
  if (!existsSync(tools.bin('pg_verifybackup'))) return `NOT VERIFIED: no pg_verifybackup in ${tools.bindir}`;
  return runTool(tools.bin('pg_verifybackup'), ['--manifest-path', files.manifest, unpacked]);
}

/** Quotes a word for /bin/sh, which runs restore_command. */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** A string value in postgresql.conf syntax. */
export const confQuote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
