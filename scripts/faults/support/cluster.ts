import { type StoppablePostgres, startStoppablePostgres } from '@benvung/testkit';
import pg from 'pg';

export interface FaultCluster {
  server: StoppablePostgres;
  /** The application database the services use (not the maintenance database `postgres`). */
  databaseUrl: string;
  /** pg_terminate_backend of every client connection to the application database; resolves to how many. */
  terminateAll(): Promise<number>;
  dispose(): Promise<void>;
}

async function onMaintenance<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL cluster of the suite's own, on a free port: the one a scenario stops, kills and restarts. */
export async function startFaultCluster(): Promise<FaultCluster> {
  const server = await startStoppablePostgres('benvung-faults-');
  await onMaintenance(server.url, (c) => c.query('CREATE DATABASE benvung'));
  const url = new URL(server.url);
  url.pathname = '/benvung';
  return {
    server,
    databaseUrl: url.toString(),
    terminateAll: () =>
      onMaintenance(server.url, async (c) => {
        const r = await c.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
           WHERE datname = 'benvung' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        );
        return r.rows[0]?.n ?? 0;
      }),
    dispose: () => server.dispose(),
  };
}
