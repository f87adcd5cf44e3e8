import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event, waitFor } from '../contract/harness.js';

let database: TestDatabase;
let writer: PostgresEventStore;
let reader: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_notify');
  writer = new PostgresEventStore({ connectionString: database.url });
  // Polls only once a minute: anything quicker than that came from a NOTIFY.
  reader = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 60_000 });
  await migrateEventStore(writer.pool);
});
afterAll(async () => {
  await reader.close();
  await writer.close();
  await database.drop();
});

it('wakes a subscriber of another store (another process) by NOTIFY after the commit', async () => {
  const controller = new AbortController();
  const seen: string[] = [];
  let live = false;
  const running = (async () => {
    for await (const batch of reader.subscribe({ eventTypes: ['Woken'], signal: controller.signal })) {
      seen.push(...batch.events.map((e) => e.streamId));
      live ||= batch.caughtUp;
    }
  })();
  try {
    await waitFor('the subscriber to be live', () => live);
    // Let its LISTEN connection settle, then write from the other store.
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await writer.appendToStream(`woken-${i}`, [event('Woken')], { expectedVersion: 'no_stream' });
      await waitFor(`event ${i}`, () => seen.includes(`woken-${i}`), 5_000);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  } finally {
    controller.abort();
  }
  await running;
}, 30_000);
