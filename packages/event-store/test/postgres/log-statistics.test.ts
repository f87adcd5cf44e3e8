import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLogStatistics } from '../../src/postgres/log-statistics.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event } from '../contract/harness.js';

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_log_statistics');
  store = new PostgresEventStore({ connectionString: database.url });
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

const typeStatistics = async () =>
  (
    await store.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stats
       WHERE schemaname = current_schema() AND tablename = 'es_events' AND attname = 'type'`,
    )
  ).rows[0]?.n;

describe('statistics on the log', () => {
  it('are taken when a start finds events loaded without them, and only then', async () => {
    await migrateEventStore(store.pool);
    // An empty log is not analysed: statistics of nothing would mislead the planner once it fills.
    expect(await typeStatistics()).toBe(0);
    for (let i = 0; i < 50; i++) {
      await store.appendToStream(`bulk-${i}`, [event('Registered', { i }), event('Assessed', { i })], {
        expectedVersion: 'no_stream',
      });
    }
    expect(await typeStatistics()).toBe(0);

    await migrateEventStore(store.pool);
    expect(await typeStatistics()).toBe(1);
    expect(await ensureLogStatistics(store.pool)).toBe(false);
  });
});
