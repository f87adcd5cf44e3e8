import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type RunningPostgres, startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * A throw-away server in a fresh temp dir, removed with its data when stopped (tests, benchmarks).
 * `fast` trades durability for speed: right for tests, wrong for a benchmark of commits.
 */
export async function startTemporaryPostgres(options: { prefix: string; fast?: boolean }): Promise<RunningPostgres> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix));
  // mkdtemp makes 0700; as root the server runs as `postgres`, which must enter it.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir, persistent: false, ...(options.fast ? { fast: true } : {}) });
  return {
    url: server.url,
    port: server.port,
    dataDir: server.dataDir,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `name` on the server; `name` must be a generated identifier, never input. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
