import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import * as eventLog from '../../src/postgres/migrations/2026-11-22T0900-event-log.js';
import * as optimisticAppend from '../../src/postgres/migrations/2026-11-23T0900-optimistic-append.js';
import * as tamperEvidentLog from '../../src/postgres/migrations/2026-12-06T2200-tamper-evident-log.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event } from '../contract/harness.js';

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_schema');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

describe('the es_events table', () => {
  it('refuses updates, deletes and truncation, and allows only erasing personal data', async () => {
    await store.appendToStream('guarded', [event('T', { a: 1 }, { personal: { fullName: 'Hồ G' } })], {
      expectedVersion: 'no_stream',
    });
    const refused = [
      `UPDATE es_events SET data = '{"a": 2}' WHERE stream_id = 'guarded'`,
      `UPDATE es_events SET personal = '{"salt": "x", "values": {}}' WHERE stream_id = 'guarded'`,
      `UPDATE es_events SET personal = NULL, type = 'Other' WHERE stream_id = 'guarded'`,
      `DELETE FROM es_events WHERE stream_id = 'guarded'`,
      'TRUNCATE es_events',
    ];
    for (const statement of refused) {
      await expect(store.pool.query(statement), statement).rejects.toMatchObject({ code: 'BVA01' });
    }
    await store.pool.query(`UPDATE es_events SET personal = NULL WHERE stream_id = 'guarded'`);
    expect(await store.verifyStream('guarded')).toMatchObject({ valid: true, events: 1 });
  });

  it('migrates idempotently, and down and up again without losing the chain', async () => {
    await migrateEventStore(store.pool);
    await store.appendToStream('migrated', [event('T', { a: 1 }), event('T', { a: 2 })], {
      expectedVersion: 'no_stream',
    });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: store.pool }) });
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '2026-11-22T0900-event-log': eventLog,
          '2026-11-23T0900-optimistic-append': optimisticAppend,
          '2026-12-06T2200-tamper-evident-log': tamperEvidentLog,
        }),
      },
      migrationTableName: 'es_migration',
      migrationLockTableName: 'es_migration_lock',
    });
    for (let step = 0; step < 2; step++) {
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
    }
    // The earlier schema's stream table was rebuilt from the events.
    const streams = await store.pool.query(`SELECT version FROM es_streams WHERE stream_id = 'migrated'`);
    expect(streams.rows).toEqual([{ version: 2 }]);
    await migrateEventStore(store.pool);
    await store.appendToStream('migrated', [event('T', { a: 3 })], { expectedVersion: 2 });
    expect(await store.verifyStream('migrated')).toMatchObject({ valid: true, events: 3 });
  });
});
