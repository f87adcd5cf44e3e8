import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@benvung/embedded-pg';
import pg from 'pg';

export interface BenchDatabase {
  /** A database created for this run alone (dropped by `release`). */
  url: string;
  /** Where the server came from, for a person to read. */
  description: string;
  release(): Promise<void>;
}

/**
 * DATABASE_URL's server if set, else an embedded PostgreSQL in a temp dir — with its default durable
 * settings (fsync on), because commit cost is what an append benchmark is about. Either way the run
 * gets a scratch database of its own, so a developer's data is never written to.
 */
export async function openBenchDatabase(env = process.env): Promise<BenchDatabase> {
  let serverUrl = env.DATABASE_URL;
  let description = 'DATABASE_URL';
  let stopServer = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'benvung-bench-'));
    // mkdtemp makes 0700; as root the server runs as `postgres`, which must enter it.
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dir, persistent: false });
    serverUrl = server.url;
    description = `embedded PostgreSQL on 127.0.0.1:${server.port}`;
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const name = `benvung_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (err) {
    await stopServer();
    throw new Error(`the bench needs to create a scratch database on ${description}: ${(err as Error).message}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description,
    release: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await stopServer();
    },
  };
}
