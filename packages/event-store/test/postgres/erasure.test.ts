import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '../../src/errors.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { event } from '../contract/harness.js';

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_erasure');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

const erasure = (extra: Parameters<typeof event>[2] = {}) =>
  event(
    'PersonalDataErased',
    { reason: 'the head asked for it' },
    { metadata: { actorId: 'admin-1', actorRole: 'admin' }, ...extra },
  );

/** A stream of three events, two of them with a personal part. */
async function streamWithNames(): Promise<string> {
  const streamId = `household-${randomUUID()}`;
  await store.appendToStream(
    streamId,
    [
      event(
        'Registered',
        { code: 'A-1' },
        { personal: { head: { fullName: 'Nguyễn Văn An', nationalId: '079199000001' } } },
      ),
      event('Assessed', { classification: 'poor' }),
      event('MemberAdded', { memberId: 'm1' }, { personal: { person: { fullName: 'Nguyễn Thị Bé' } } }),
    ],
    { expectedVersion: 'no_stream' },
  );
  return streamId;
}

describe('erasePersonalData (PostgreSQL)', () => {
  it('erases every personal part and appends the erasure in one go; the chain still verifies', async () => {
    const streamId = await streamWithNames();
    const before = await store.readStream(streamId);
    const result = await store.erasePersonalData(streamId, erasure(), { expectedVersion: 3 });
    expect(result).toMatchObject({ nextExpectedVersion: 4, replayed: false, erasedEvents: 2 });

    const after = await store.readStream(streamId);
    expect(after.map((e) => e.personal)).toEqual([null, null, null, null]);
    // The digests stay (they are in the chain), as do the hashes and everything else.
    expect(after.slice(0, 3).map((e) => [e.personalDigest, e.hash])).toEqual(
      before.map((e) => [e.personalDigest, e.hash]),
    );
    expect(after[3]).toMatchObject({
      type: 'PersonalDataErased',
      version: 4,
      data: { reason: 'the head asked for it' },
      metadata: { actorId: 'admin-1', actorRole: 'admin' },
      personalDigest: null,
    });
    expect(JSON.stringify(after)).not.toMatch(/Nguyễn|079199000001/);
    expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, events: 4 });
    const raw = await store.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1 AND personal IS NOT NULL`,
      [streamId],
    );
    expect(raw.rows[0]?.n).toBe(0);
  });

  it('erases nothing when the expected version does not hold', async () => {
    const streamId = await streamWithNames();
    await expect(store.erasePersonalData(streamId, erasure(), { expectedVersion: 2 })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    const events = await store.readStream(streamId);
    expect(events).toHaveLength(3);
    expect(events[0]?.personal).toEqual({ head: { fullName: 'Nguyễn Văn An', nationalId: '079199000001' } });
  });

  it('answers a retry with the first result and leaves personal data recorded since', async () => {
    const streamId = await streamWithNames();
    const eventId = randomUUID();
    const first = await store.erasePersonalData(streamId, erasure({ eventId }), { expectedVersion: 3 });
    await store.appendToStream(streamId, [event('NoteAdded', {}, { personal: { text: 'later note' } })], {
      expectedVersion: 4,
    });
    const retry = await store.erasePersonalData(streamId, erasure({ eventId }), { expectedVersion: 3 });
    expect(retry).toEqual({ ...first, replayed: true, erasedEvents: 0 });
    const events = await store.readStream(streamId);
    expect(events.at(-1)?.personal).toEqual({ text: 'later note' });
    // The same id with other content is a conflict, as for appends.
    await expect(
      store.erasePersonalData(streamId, erasure({ eventId, data: { reason: 'another' } }), { expectedVersion: 5 }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    // A second erasure removes what was recorded since.
    const second = await store.erasePersonalData(streamId, erasure(), { expectedVersion: 5 });
    expect(second).toMatchObject({ nextExpectedVersion: 6, erasedEvents: 1 });
    expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, events: 6 });
  });

  it('one of two concurrent erasures of the same version wins; the other erases nothing of its own', async () => {
    const streamId = await streamWithNames();
    const results = await Promise.allSettled([
      store.erasePersonalData(streamId, erasure(), { expectedVersion: 3 }),
      store.erasePersonalData(streamId, erasure(), { expectedVersion: 3 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion(streamId)).toBe(4);
    expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, events: 4 });
  });

  it('refuses an erasure event that carries personal data, before any I/O', async () => {
    const streamId = await streamWithNames();
    await expect(
      store.erasePersonalData(streamId, erasure({ personal: { who: 'x' } }), { expectedVersion: 3 }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await store.streamVersion(streamId)).toBe(3);
  });
});
