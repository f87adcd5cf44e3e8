import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateChangesProjection, lateChangesSince } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter, reviewFor } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('late_changes');
});
afterAll(async () => {
  await h?.close();
});

// The store dates events by its clock: whatever year it is, reviews dated in this year are on time.
const thisYear = new Date().getFullYear();
const since = new Date(Date.now() - 60_000);

describe('late_changes', () => {
  it('keeps list changes recorded after the year they take effect in, and every correction of one', async () => {
    const a = new HouseholdWriter(h.store);
    await a.register('96101', '2022-01-10');
    const first = await a.review('poor', '2022-02-15'); // recorded years later: a late entry
    const escaping = await a.review('near_poor', '2023-11-10');
    await a.move('96102', '2024-03-01');
    await a.void(escaping, `${thisYear}-01-05`);
    await a.amend(first, {
      type: 'AssessHousehold',
      householdId: a.householdId,
      assessment: reviewFor('near_poor', '2021-12-01'),
    });
    const b = new HouseholdWriter(h.store);
    await b.register('96001', `${thisYear}-01-02`);
    await b.review('poor', `${thisYear}-01-03`); // on time: not kept
    await b.note(`${thisYear}-01-04`); // not a list change
    await catchUp(h, { projection: lateChangesProjection });
    // The households' units come from the household projection's tables.
    await catchUp(h);

    const { changes, total } = await lateChangesSince(h.db, {
      recordedFrom: since,
      through: '2023-12-31',
      unitCodes: ['96101', '96102', '96001'],
      limit: 10,
    });
    expect(total).toBe(4);
    expect(changes.map((c) => [c.kind, c.eventType, c.effectiveFrom])).toEqual([
      ['late_entry', 'HouseholdAssessed', '2022-02-15'],
      ['late_entry', 'HouseholdAssessed', '2023-11-10'],
      ['voided', 'HouseholdAssessed', '2023-11-10'],
      // The amendment moves the review earlier: it can change the lists from its new date on.
      ['amended', 'HouseholdAssessed', '2021-12-01'],
    ]);
    // The move took effect in 2024: it cannot change 2023's lists.
    const through2024 = await lateChangesSince(h.db, {
      recordedFrom: since,
      through: '2024-12-31',
      unitCodes: ['96102'],
      limit: 10,
    });
    expect(through2024.changes.map((c) => c.eventType)).toContain('HouseholdMoved');
    // Nothing recorded since a later instant; nothing in units the household never stood in.
    expect(
      (
        await lateChangesSince(h.db, {
          recordedFrom: new Date(),
          through: '2030-12-31',
          unitCodes: ['96101'],
          limit: 10,
        })
      ).total,
    ).toBe(0);
    expect(
      (await lateChangesSince(h.db, { recordedFrom: since, through: '2030-12-31', unitCodes: ['86001'], limit: 10 }))
        .total,
    ).toBe(0);
  });
});
