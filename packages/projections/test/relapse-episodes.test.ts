import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRelapseEpisodes } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter, reviewFor } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('relapse_episodes');
});
afterAll(async () => {
  await h?.close();
});

const episodesOf = async (householdId: string) =>
  (await listRelapseEpisodes(h.db, { householdId })).map((e) => ({
    escape: e.escape_event_id,
    date: e.escape_date,
    from: e.escape_from,
    to: e.escape_to,
    poor: e.relapse_poor_date,
    listed: e.relapse_listed_date,
    closed: e.closed_date,
    kinds: e.support_kinds,
  }));

describe('relapse_episodes', () => {
  it('has one episode per escape, ended by the first later poor (or listed) review; voids re-derive them', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('95001', '2022-01-10');
    await w.review('poor', '2022-02-15');
    await w.support({
      kind: 'loan',
      action: 'granted',
      loanId: 'L1',
      programme: 'poor_household',
      amountVnd: 30_000_000,
      termMonths: 60,
      lender: 'VBSP',
      occurredAt: '2022-06-01',
    });
    await w.support({ kind: 'training', stage: 'enrolled', trainingId: 'T1', course: 'May', occurredAt: '2022-07-01' });
    await w.note('2022-08-01');
    const first = await w.review('near_poor', '2022-11-10');
    await w.support({ kind: 'health_insurance', cardCount: 3, validUntil: '2023-12-31', occurredAt: '2023-03-01' });
    const second = await w.review('non_poor', '2023-11-10');
    const relapse = await w.review('poor', '2024-11-10');
    const third = await w.review('near_poor', '2025-11-10');
    await catchUp(h, { batchSize: 5 });

    expect(await episodesOf(w.householdId)).toEqual([
      {
        escape: first,
        date: '2022-11-10',
        from: 'poor',
        to: 'near_poor',
        poor: '2024-11-10',
        listed: '2024-11-10',
        closed: null,
        kinds: 'loan+training',
      },
      {
        escape: second,
        date: '2023-11-10',
        from: 'near_poor',
        to: 'non_poor',
        poor: '2024-11-10',
        listed: '2024-11-10',
        closed: null,
        kinds: 'health_insurance',
      },
      {
        escape: third,
        date: '2025-11-10',
        from: 'poor',
        to: 'near_poor',
        poor: null,
        listed: null,
        closed: null,
        kinds: 'none',
      },
    ]);
    const [one] = await listRelapseEpisodes(h.db, { householdId: w.householdId, escapedOnOrBefore: '2022-12-31' });
    expect(one).toMatchObject({
      area: 'rural',
      unit_code: '95001',
      province_then: '95',
      province_now: '96',
      unit_code_now: '96002',
      cohort: 2022,
    });

    // Voiding the relapse re-opens the episodes; the 2025 review is then a relapse into near-poverty, no escape.
    await w.void(relapse);
    await catchUp(h);
    expect(await episodesOf(w.householdId)).toEqual([
      {
        escape: first,
        date: '2022-11-10',
        from: 'poor',
        to: 'near_poor',
        poor: null,
        listed: '2025-11-10',
        closed: null,
        kinds: 'loan+training',
      },
      {
        escape: second,
        date: '2023-11-10',
        from: 'near_poor',
        to: 'non_poor',
        poor: null,
        listed: '2025-11-10',
        closed: null,
        kinds: 'health_insurance',
      },
    ]);

    // Voiding the first escaping review removes its episode; the 2023 review now escapes poverty itself.
    await w.void(first);
    await catchUp(h, { batchSize: 1 });
    expect(await episodesOf(w.householdId)).toEqual([
      {
        escape: second,
        date: '2023-11-10',
        from: 'poor',
        to: 'non_poor',
        poor: null,
        listed: '2025-11-10',
        closed: null,
        kinds: 'health_insurance+loan+training',
      },
    ]);
  });

  it('censors at the closure, follows amendments, and filters for analytics', async () => {
    const closed = new HouseholdWriter(h.store);
    await closed.register('96001', '2025-07-15');
    await closed.review('poor', '2025-08-01');
    const escaping = await closed.review('non_poor', '2025-11-01');
    const closure = await closed.close('2025-12-01');
    const amended = new HouseholdWriter(h.store);
    await amended.register('96101', '2022-01-10');
    await amended.review('poor', '2022-02-15');
    const review = await amended.review('poor', '2022-11-10');
    await catchUp(h);
    expect(await episodesOf(closed.householdId)).toEqual([
      {
        escape: escaping,
        date: '2025-11-01',
        from: 'poor',
        to: 'non_poor',
        poor: null,
        listed: null,
        closed: '2025-12-01',
        kinds: 'none',
      },
    ]);
    expect(await episodesOf(amended.householdId)).toEqual([]);

    await closed.void(closure);
    await amended.amend(review, {
      type: 'AssessHousehold',
      householdId: amended.householdId,
      assessment: reviewFor('non_poor', '2022-11-10'),
    });
    await catchUp(h);
    expect((await episodesOf(closed.householdId))[0]?.closed).toBeNull();
    expect(await episodesOf(amended.householdId)).toEqual([
      {
        escape: review,
        date: '2022-11-10',
        from: 'poor',
        to: 'non_poor',
        poor: null,
        listed: null,
        closed: null,
        kinds: 'none',
      },
    ]);

    const fromPoorToNonPoor = await listRelapseEpisodes(h.db, {
      unitCodes: ['96001', '96101'],
      escapeFrom: 'poor',
      escapeTo: 'non_poor',
      escapedOnOrBefore: '2025-12-31',
    });
    expect(fromPoorToNonPoor.map((e) => e.household_id).sort()).toEqual(
      [closed.householdId, amended.householdId].sort(),
    );
    expect(await listRelapseEpisodes(h.db, { unitCodes: [] })).toEqual([]);
  });
});
