import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allProjections,
  createReadModelDb,
  householdStatusProjection,
  migrateReadModels,
  type ReadModelDatabase,
  readCheckpoint,
  rebuildProjections,
} from '../src/index.js';
import { registerHousehold } from './fixtures.js';

let database: TestDatabase;
let store: PostgresEventStore;
let db: Kysely<ReadModelDatabase>;

beforeAll(async () => {
  database = await createTestDatabase('rebuild');
  store = new PostgresEventStore({ connectionString: database.url });
  db = createReadModelDb(database.url);
  await migrateEventStore(store.pool);
  await migrateReadModels(db);
});
afterAll(async () => {
  await store?.close();
  await db?.destroy();
  await database?.drop();
});

const snapshot = () => db.selectFrom('household_status').selectAll().orderBy('household_id').execute();

describe('rebuild', () => {
  it('replays from zero into fresh tables, swaps them in and moves the checkpoint', async () => {
    for (let i = 0; i < 60; i++) await registerHousehold(store, i % 3 ? '96001' : '86010');
    // A live read model that has drifted (as after a bug): the rebuild must replace it, not merge.
    await db.transaction().execute(async (trx) => {
      await householdStatusProjection.apply(trx, (await store.readAll({ maxCount: 10 })).events, { store });
    });
    await db.updateTable('household_status').set({ member_count: 99 }).execute();
    const progress: number[] = [];
    const result = await rebuildProjections({
      store,
      connectionString: database.url,
      projections: allProjections,
      batchSize: 16,
      onProgress: (p) => progress.push(p.processed),
    });
    expect(result.events).toBe(60);
    expect(progress.at(-1)).toBe(60);
    const rows = await snapshot();
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.member_count === 4)).toBe(true);
    expect(await readCheckpoint(db, 'household_status')).toBe(result.position);
    // The count is the rebuild's, not what the live projector had counted before (10).
    const counts = await db.selectFrom('projection_checkpoint').select(['name', 'events_processed']).execute();
    expect(Object.fromEntries(counts.map((c) => [c.name, Number(c.events_processed)]))).toMatchObject({
      household_status: 60,
      review_history: 0,
    });
    const leftover = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'rm_rebuild'`.execute(db);
    expect(leftover.rows[0]?.n).toBe(0);
    // The swapped-in table keeps the migration's index names.
    const indexes = await sql<{
      indexname: string;
    }>`SELECT indexname FROM pg_indexes WHERE tablename = 'household_status'`.execute(db);
    expect(indexes.rows.map((r) => r.indexname)).toContain('household_status_unit');
  });

  it('gives the same rows twice in a row (deterministic)', async () => {
    await rebuildProjections({ store, connectionString: database.url, projections: allProjections });
    const first = await snapshot();
    await rebuildProjections({ store, connectionString: database.url, projections: allProjections });
    expect(await snapshot()).toEqual(first);
  });
});
