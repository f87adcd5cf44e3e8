import { createTestDatabase } from '@benvung/testkit';
import pg from 'pg';
import { migrateEventStore } from '../src/postgres/migrate.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { describeEventStoreContract } from './contract/event-store-contract.js';
import { heldAppend } from './postgres/held-append.js';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase('es_contract');
  const stores: PostgresEventStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof PostgresEventStore>[0]> = {}) => {
    // 20 connections: the concurrency tests need 16 writers really in flight at once.
    const store = new PostgresEventStore({
      connectionString: database.url,
      maxPoolSize: 20,
      pollIntervalMs: 200,
      ...options,
    });
    stores.push(store);
    return store;
  };
  await migrateEventStore(open().pool);

  /** As the database owner would, outside the store: the append-only trigger is bypassed on purpose. */
  const asSuperuser = async (statements: Array<[string, unknown[]]>) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query("SET session_replication_role = 'replica'");
      for (const [text, values] of statements) {
        const result = await client.query(text, values);
        if (result.rowCount !== 1) throw new Error(`expected to change one row: ${text}`);
      }
    } finally {
      await client.end();
    }
  };

  return {
    open: async (options) => open(options?.upcasters ? { upcasters: options.upcasters } : {}),
    tamperData: (streamId, version) =>
      asSuperuser([
        [
          `UPDATE es_events SET data = data || '{"tampered": true}'::jsonb WHERE stream_id = $1 AND version = $2`,
          [streamId, version],
        ],
      ]),
    tamperPersonal: (streamId, version) =>
      asSuperuser([
        [
          `UPDATE es_events SET personal = jsonb_set(personal, '{values,fullName}', '"Someone Else"')
           WHERE stream_id = $1 AND version = $2`,
          [streamId, version],
        ],
      ]),
    // The erasure path needs no privilege: the trigger allows setting personal to NULL and nothing else.
    erasePersonal: async (streamId, version) => {
      const store = stores[0] as PostgresEventStore;
      const result = await store.pool.query(
        'UPDATE es_events SET personal = NULL WHERE stream_id = $1 AND version = $2',
        [streamId, version],
      );
      if (result.rowCount !== 1) throw new Error('no event to erase');
    },
    beginHeldAppend: (streamId, events, expected) => heldAppend(database.url, streamId, events, expected),
    dispose: async () => {
      await Promise.all(stores.map((s) => s.close()));
      await database.drop();
    },
  };
});
