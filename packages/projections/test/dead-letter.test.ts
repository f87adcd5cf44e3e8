import { randomUUID } from 'node:crypto';
import { householdStreamId } from '@benvung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHouseholdProjection, getHouseholdStatus, readCheckpoint } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
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

const deadLetters = () =>
  h.db.selectFrom('projection_dead_letter').select(['event_id', 'version', 'error']).orderBy('id').execute();

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
});
