import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/postgres/connection-errors.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event, waitFor } from '../contract/harness.js';

let database: TestDatabase;
let admin: pg.Client;
let writer: PostgresEventStore;
let reader: PostgresEventStore;
const lost: Error[] = [];

beforeAll(async () => {
  database = await createTestDatabase('es_conn_loss');
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  writer = new PostgresEventStore({ connectionString: database.url, onPoolError: (err) => lost.push(err) });
  // Polls once a minute: a wake-up sooner than that came over its LISTEN connection.
  reader = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 60_000 });
  await migrateEventStore(writer.pool);
});
afterAll(async () => {
  await reader.close();
  await writer.close();
  await admin.end();
  await database.drop();
});

/** Ends every other connection to this test's own database, as an operator's pg_terminate_backend does. */
async function terminateOthers(): Promise<number> {
  const r = await admin.query<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return r.rows[0]?.n ?? 0;
}

it('survives its connections being terminated — checked out, idle or listening — and goes on', async () => {
  const controller = new AbortController();
  const seen = new Set<string>();
  let live = false;
  const subscribing = (async () => {
    for await (const batch of reader.subscribe({ eventTypes: ['Kept'], signal: controller.signal })) {
      for (const e of batch.events) seen.add(e.streamId);
      live ||= batch.caughtUp;
    }
  })();
  try {
    await waitFor('the subscriber to be live', () => live);
    // A client checked out of the pool has no pg-pool listener: its broken socket's 'error' must not
    // reach the process as an uncaught exception.
    const held = await writer.pool.connect();
    // Appends in flight from 10 writers while their backends are terminated: each either commits or
    // fails as "database unavailable", nothing else.
    const failures: unknown[] = [];
    let running = true;
    const writers = Array.from({ length: 10 }, async (_, w) => {
      for (let i = 0; running; i++) {
        await writer
          .appendToStream(`kept-${w}-${i}`, [event('Kept')], { expectedVersion: 'no_stream' })
          .catch((err: unknown) => failures.push(err));
      }
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await terminateOthers()).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 200));
    running = false;
    await Promise.all(writers);
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    for (const err of failures) expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    expect(lost.length).toBeGreaterThan(0);

    // The pool reconnects, and the reader's LISTEN connection is back: a NOTIFY wakes it again.
    await writer.appendToStream('kept-after', [event('Kept')], { expectedVersion: 'no_stream' });
    await waitFor('the wake-up after the reconnect', () => seen.has('kept-after'), 10_000);
  } finally {
    controller.abort();
  }
  await subscribing;
}, 30_000);
