import { householdStreamId } from '@benvung/domain';
import { type EventStore, migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReadModelDb,
  getHouseholdStatus,
  householdStatusProjection,
  migrateReadModels,
  Projector,
  type ReadModelDatabase,
} from '../src/index.js';
import { registerHousehold } from './fixtures.js';

let database: TestDatabase;
let store: PostgresEventStore;
let db: Kysely<ReadModelDatabase>;

beforeAll(async () => {
  database = await createTestDatabase('projections');
  store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100 });
  db = createReadModelDb(database.url);
  await migrateEventStore(store.pool);
  await migrateReadModels(db);
});
afterAll(async () => {
  await store?.close();
  await db?.destroy();
  await database?.drop();
});

const register = (es: EventStore, unitCode: string) => registerHousehold(es, unitCode);

async function runUntilCaughtUp(): Promise<void> {
  const projector = new Projector({ store, db, projections: [householdStatusProjection], batchSize: 7 });
  projector.start();
  const head = await store.headPosition();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [status] = projector.status();
    if (status?.caughtUp && status.position && head && store.comparePositions(status.position, head) >= 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await projector.stop();
}

describe('household_status projection', () => {
  it('writes one row per registered household, from events to rows, and resumes from its checkpoint', async () => {
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => register(store, i % 2 ? '96001' : '86010')));
    await runUntilCaughtUp();
    for (const id of first) {
      const row = await getHouseholdStatus(db, id);
      expect(row).toMatchObject({
        household_id: id,
        version: 1,
        classification: 'unassessed',
        registered_on: '2025-09-15',
      });
    }
    const checkpoint = await db
      .selectFrom('projection_checkpoint')
      .selectAll()
      .where('name', '=', 'household_status')
      .executeTakeFirstOrThrow();
    expect(Number(checkpoint.events_processed)).toBe(20);

    const more = await Promise.all(Array.from({ length: 5 }, () => register(store, '44001')));
    await runUntilCaughtUp();
    const after = await db
      .selectFrom('projection_checkpoint')
      .selectAll()
      .where('name', '=', 'household_status')
      .executeTakeFirstOrThrow();
    expect(Number(after.events_processed)).toBe(25);
    for (const id of more) expect(await getHouseholdStatus(db, id)).toBeDefined();
    const count = await db
      .selectFrom('household_status')
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(25);
  });

  it('applying the same batch twice changes nothing', async () => {
    const id = await register(store, '95001');
    const events = await store.readStream(householdStreamId(id));
    await db.transaction().execute((trx) => householdStatusProjection.apply(trx, events, { store }));
    const once = await getHouseholdStatus(db, id);
    await db.transaction().execute((trx) => householdStatusProjection.apply(trx, events, { store }));
    const twice = await getHouseholdStatus(db, id);
    expect(twice).toEqual(once);
  });
});
