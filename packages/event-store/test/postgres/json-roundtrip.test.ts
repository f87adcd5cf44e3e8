import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event } from '../contract/harness.js';

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_json');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

// jsonb normalises what it stores (key order, number spelling, whitespace); the hash is over canonical
// JSON, so every value JSON can carry must hash the same after the round trip.
const noNul = (s: string) => !s.includes('\u0000');
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'grapheme' }).filter(noNul),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.string().filter(noNul), tie('value'), { maxKeys: 5 }),
}));

it('verifies every stream whatever JSON its events carry', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(json.object, json.object, async (data, personal) => {
      const s = `json-${n++}`;
      await store.appendToStream(
        s,
        [event('T', data as Record<string, unknown>, { personal: personal as Record<string, unknown> })],
        {
          expectedVersion: 'no_stream',
        },
      );
      expect(await store.verifyStream(s)).toMatchObject({ valid: true, events: 1 });
    }),
    { numRuns: 150 },
  );
});
