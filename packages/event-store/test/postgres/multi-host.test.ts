import { createServer } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/postgres/connection-errors.js';
import { createClient, createPool, NoSuitableHostError } from '../../src/postgres/multi-host.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';

let database: TestDatabase;
/** The test server's address, and a port on the same address where nothing listens. */
let live: URL;
let deadPort: number;

/** A loopback port nobody listens on (taken from the OS, then let go). */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  database = await createTestDatabase('es_multi_host');
  live = new URL(database.url);
  deadPort = await unusedPort();
});
afterAll(async () => {
  await database.drop();
});

/** The test database's URL with `hosts` for its host list and `query` appended. */
const listing = (hosts: string[], query: string) =>
  `${live.protocol}//${live.username}${live.password ? `:${live.password}` : ''}${live.username ? '@' : ''}${hosts.join(',')}${live.pathname}?${query}`;

it('skips a host that refuses connections and uses the next one that is read-write', async () => {
  const url = listing([`${live.hostname}:${deadPort}`, live.host], 'target_session_attrs=read-write');
  const pool = createPool(url, { max: 2 });
  try {
    const { rows } = await pool.query<{ port: number }>('SELECT inet_server_port() AS port');
    expect(rows[0]?.port).toBe(Number(live.port || 5432));
  } finally {
    await pool.end();
  }
});

it('runs an event store and its LISTEN connection over a host list', async () => {
  const url = listing([`${live.hostname}:${deadPort}`, live.host], 'target_session_attrs=primary');
  const store = new PostgresEventStore({ connectionString: url, maxPoolSize: 2 });
  try {
    await store.pool.query('SELECT 1');
    const client = createClient(url);
    await client.connect();
    expect((await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r).toBe(false);
    await client.end();
  } finally {
    await store.close();
  }
});

it('fails as "database unavailable" when no host is what the string asks for', async () => {
  const url = listing([`${live.hostname}:${deadPort}`, live.host], 'target_session_attrs=standby');
  const pool = createPool(url, { max: 1 });
  try {
    const err = await pool.query('SELECT 1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuitableHostError);
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(String((err as Error).message)).toContain('a read-write primary');
  } finally {
    await pool.end();
  }
});

it('prefer-standby settles for the primary when there is no standby', async () => {
  const pool = createPool(listing([live.host], 'target_session_attrs=prefer-standby'), { max: 1 });
  try {
    expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  } finally {
    await pool.end();
  }
});
