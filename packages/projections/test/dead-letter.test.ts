import { randomUUID } from 'node:crypto';
import { householdStreamId } from '@benvung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allProjections,
  createHouseholdProjection,
  getHouseholdStatus,
  readCheckpoint,
  rebuildProjections,
} from '../src/index.js';
import { applyToAll } from '../src/rebuild/apply-page.js';
import { catchUp, type Harness, openHarness, snapshot } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('dead_letter');
});
afterAll(async () => {
  await h?.close();
});

/** Appends an event the projection cannot decode (a review without its data) after the writer's last. */
async function appendMalformed(w: HouseholdWriter): Promise<string> {
  const eventId = randomUUID();
  await h.store.appendToStream(
    householdStreamId(w.householdId),
    [
      {
        eventId,
        type: 'HouseholdAssessed',
        data: { effectiveDate: 'not a date' },
        occurredAt: new Date('2025-12-31T00:00:00Z'),
        metadata: { actorId: 'cw-1', actorRole: 'case_worker' },
      },
    ],
    { expectedVersion: w.version },
  );
  // The writer's domain state never saw it: it is what the read models should show.
  w.version += 1;
  return eventId;
}

const deadLetters = (projection = 'household_status') =>
  h.db
    .selectFrom('projection_dead_letter')
    .select(['event_id', 'version', 'error'])
    .where('projection', '=', projection)
    .orderBy('id')
    .execute();

describe('an event the projection cannot apply', () => {
  it('stops the projector before it when configured to stop', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    await appendMalformed(w);
    await expect(catchUp(h, { onEventError: 'stop' })).rejects.toThrow();
    expect(await deadLetters()).toEqual([]);
    const row = await getHouseholdStatus(h.db, w.householdId);
    // Stopped at the batch that failed: the registration in the same batch was not applied either.
    expect(row).toBeUndefined();
    expect(await readCheckpoint(h.db, 'household_status')).toBeUndefined();
  });

  it('goes to the dead letters with its error, and the household goes on without it, also folded again cold', async () => {
    const [first] = await h.db.selectFrom('household_status').select('household_id').execute();
    expect(first).toBeUndefined();
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    await w.review('poor', '2022-02-15');
    const bad = await appendMalformed(w);
    await w.support({ kind: 'health_insurance', cardCount: 4, validUntil: '2023-12-31', occurredAt: '2022-03-01' });
    await catchUp(h, { onEventError: 'dead_letter', batchSize: 3 });

    const letters = await deadLetters();
    // The household of the first test, then this one.
    expect(letters.map((l) => l.version)).toEqual([2, 3]);
    expect(letters[1]?.event_id).toBe(bad);
    expect(letters[1]?.error).toMatch(/Error/);
    const row = await getHouseholdStatus(h.db, w.householdId);
    expect(row).toMatchObject({ version: 4, classification: 'poor' });
    expect(row?.support_totals.health_insurance?.count).toBe(1);

    // A projector with nothing in memory folds the household again from its stream, leaving the
    // dead letter out as the rows did: a new review applies on top, nothing else is dead-lettered.
    await w.review('non_poor', '2023-11-20');
    await catchUp(h, { onEventError: 'dead_letter', projection: createHouseholdProjection() });
    expect((await deadLetters()).length).toBe(2);
    const after = await getHouseholdStatus(h.db, w.householdId);
    const state = w.state;
    if (state.status === 'unregistered') throw new Error('unregistered');
    expect(after).toMatchObject({ version: 5, classification: state.classification, escape_count: 1 });
    expect(after?.support_totals.health_insurance?.count).toBe(1);
  });

  it('a rebuild leaves the same events out and records them as its own dead letters', async () => {
    const live = await snapshot(h.db);
    const before = await deadLetters();
    await h.db.deleteFrom('projection_dead_letter').execute();
    for (const batchSize of [2, 5000]) {
      await rebuildProjections({
        store: h.store,
        connectionString: h.database.url,
        projections: allProjections,
        batchSize,
      });
      expect(await snapshot(h.db)).toEqual(live);
      expect((await deadLetters()).map((l) => [l.event_id, l.version])).toEqual(
        before.map((l) => [l.event_id, l.version]),
      );
      // review_history reads reviews too: the same two, the first in another household's stream.
      expect((await deadLetters('review_history')).map((l) => l.event_id)).toEqual(before.map((l) => l.event_id));
      // Applied events only: every event of the log but the two dead letters.
      const total = (await h.store.backlog(undefined)).events;
      const checkpoint = await h.db
        .selectFrom('projection_checkpoint')
        .select('events_processed')
        .where('name', '=', 'household_status')
        .executeTakeFirstOrThrow();
      expect(Number(checkpoint.events_processed)).toBe(total - 2);
    }
  });

  it('inside one transaction (the last events of a rebuild, under its lock), each rejected event is rolled back alone', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    const bad = await appendMalformed(w);
    await w.review('poor', '2022-02-15');
    const events = (await h.store.readStream(householdStreamId(w.householdId))).map((e) => ({ ...e }));
    await h.db
      .transaction()
      .execute((trx) => applyToAll(trx, [createHouseholdProjection()], { store: h.store }, events));
    expect(await getHouseholdStatus(h.db, w.householdId)).toMatchObject({ version: 3, classification: 'poor' });
    expect((await deadLetters()).map((l) => l.event_id)).toContain(bad);
  });
});
