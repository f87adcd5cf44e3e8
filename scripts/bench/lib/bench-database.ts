import { randomBytes } from 'node:crypto';
import { createScratchDatabase, type ScratchDatabase, startTemporaryPostgres } from '@benvung/embedded-pg';

export interface BenchDatabase {
  /** A database created for this run alone (dropped by `release`). */
  url: string;
  /** Its name on the server. */
  name: string;
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
    const server = await startTemporaryPostgres({ prefix: 'benvung-bench-' });
    serverUrl = server.url;
    description = `embedded PostgreSQL on 127.0.0.1:${server.port}`;
    stopServer = () => server.stop();
  }
  let database: ScratchDatabase;
  try {
    database = await createScratchDatabase(serverUrl, `benvung_bench_${randomBytes(5).toString('hex')}`);
  } catch (err) {
    await stopServer();
    throw new Error(`the bench needs to create a scratch database on ${description}: ${(err as Error).message}`);
  }
  return {
    url: database.url,
    name: database.name,
    description,
    release: async () => {
      await database.drop().catch(() => {});
      await stopServer();
    },
  };
}
