import { publicKeyOf } from '@benvung/log-proof';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogCheckpointer } from '../../src/log/checkpointer.js';
import { verifyLog } from '../../src/log/verify-log.js';
import { encodeBulkBatch, writeBulkBatch } from '../../src/postgres/bulk-load.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event } from '../contract/harness.js';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => (i * 5 + 1) & 255);

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_bulk');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

/** Text that COPY's text format must escape, in data, personal data and metadata. */
const awkward = 'tab\there, line\nbreak, CR\r, back\\slash, "quotes", \\N, Nguyễn Thị Ánh';

const streams = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, s) => ({
    streamId: `${prefix}-${s}`,
    events: Array.from({ length: 1 + (s % 4) }, (_, v) =>
      event(
        v === 0 ? 'Registered' : 'Noted',
        { s, v, text: awkward, nested: { list: [1, 'x\\y'] } },
        v === 0 ? { personal: { fullName: awkward } } : {},
      ),
    ),
  }));

describe('bulk loading new streams', () => {
  it('stores exactly what appends would: data round-trips, chains, heads and the signed tree verify', async () => {
    const batch = encodeBulkBatch(streams('bulk', 40), new Date('2026-12-07T01:02:03.456Z'));
    expect(batch.streamCount).toBe(40);
    expect(batch.eventCount).toBe(100);
    await writeBulkBatch(store.pool, batch);

    const read = await store.readStream('bulk-3');
    expect(read.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(read[0]?.data).toEqual({ s: 3, v: 0, text: awkward, nested: { list: [1, 'x\\y'] } });
    expect(read[0]?.personal).toEqual({ fullName: awkward });
    expect(read[0]?.recordedAt.toISOString()).toBe('2026-12-07T01:02:03.456Z');
    expect((await store.verifyStream('bulk-3')).valid).toBe(true);

    // An append after a bulk load continues its chain from the recorded head.
    await store.appendToStream('bulk-3', [event('Noted', { after: true })], { expectedVersion: 4 });
    expect(await store.verifyStream('bulk-3')).toMatchObject({ valid: true, head: { version: 5 } });

    await new LogCheckpointer({ store, pool: store.pool, secretKey, batchSize: 33 }).extend({ sign: true });
    const report = await verifyLog(store.pool, { publicKey: publicKeyOf(secretKey) });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.events).toBe(101);
  });

  it('stores a batch whole or not at all: a stream that exists fails the batch', async () => {
    const before = await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const batch = encodeBulkBatch([...streams('fresh', 3), ...streams('bulk', 1)], new Date());
    await expect(writeBulkBatch(store.pool, batch)).rejects.toMatchObject({ code: '23505' });
    const after = await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    await expect(store.readStream('fresh-0')).rejects.toThrow(/does not exist/);
  });

  it('refuses what an append refuses, before any I/O', () => {
    expect(() => encodeBulkBatch([{ streamId: '$system', events: [event('Noted')] }], new Date())).toThrow(/reserved/);
    expect(() => encodeBulkBatch([{ streamId: 'empty', events: [] }], new Date())).toThrow(/1–5000 events/);
  });
});
