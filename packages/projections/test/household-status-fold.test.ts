import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHouseholdStatus, listHouseholds } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('status_fold');
});
afterAll(async () => {
  await h?.close();
});

const loan = (loanId: string, occurredAt: string, amountVnd = 30_000_000) =>
  ({
    kind: 'loan',
    action: 'granted',
    loanId,
    programme: 'poor_household',
    amountVnd,
    termMonths: 60,
    lender: 'VBSP',
    occurredAt,
  }) as const;

describe('household_status from the household fold', () => {
  it('derives classification, review, escape, relapse, flags, support totals and units; honours voids', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    await w.review('poor', '2022-02-15');
    await w.support(loan('L1', '2022-06-01'));
    await w.support({
      kind: 'training',
      stage: 'enrolled',
      trainingId: 'T1',
      course: 'Nuôi tôm',
      costVnd: 2_000_000,
      occurredAt: '2022-07-01',
    });
    await w.run({
      type: 'SetUnableToEscapeFlag',
      householdId: w.householdId,
      basis: 'no_working_age_labour',
      reason: 'Chủ hộ cao tuổi',
      occurredOn: '2022-08-01',
    });
    await w.review('near_poor', '2022-11-10'); // escapes poverty: the flag is cleared with it
    await catchUp(h, { batchSize: 3 });
    expect(await getHouseholdStatus(h.db, w.householdId)).toMatchObject({
      classification: 'near_poor',
      unable_to_escape: false,
      // Poor → near-poor is no escape to non-poor: not newly escaped.
      newly_escaped_until: null,
      version: 7,
    });
    const relapse = await w.review('poor', '2023-11-10');
    await w.run({
      type: 'SetUnableToEscapeFlag',
      householdId: w.householdId,
      basis: 'chronic_illness',
      reason: 'Chủ hộ bệnh mãn tính',
      occurredOn: '2024-01-05',
    });
    await catchUp(h, { batchSize: 3 });

    expect(await getHouseholdStatus(h.db, w.householdId)).toMatchObject({
      household_id: w.householdId,
      head_name: 'Trần Thị Bình',
      classification: 'poor',
      standard_id: 'VN-2022-2026',
      list_year: 2024,
      last_review_date: '2023-11-10',
      last_review_type: 'periodic',
      latest_escape_date: '2022-11-10',
      newly_escaped_until: null,
      escape_count: 1,
      relapsed_count: 1,
      relapsed_near_poverty_count: 0,
      unable_to_escape: true,
      unable_to_escape_basis: 'chronic_illness',
      unable_to_escape_since: '2024-01-05',
      support_totals: { loan: { count: 1, amountVnd: 30_000_000 }, training: { count: 1, amountVnd: 2_000_000 } },
      unit_code: '96101',
      unit_code_now: '96001',
      status: 'active',
      closed_on: null,
      version: 9,
    });

    // Voiding the relapse: the household is near-poor again (not newly escaped: it is on a list).
    await w.void(relapse);
    await w.move('96002', '2025-08-01');
    await w.close('2025-12-01');
    await catchUp(h);
    expect(await getHouseholdStatus(h.db, w.householdId)).toMatchObject({
      classification: 'near_poor',
      last_review_date: '2022-11-10',
      relapsed_count: 0,
      newly_escaped_until: null,
      unit_code: '96002',
      unit_code_now: '96002',
      status: 'closed',
      closed_on: '2025-12-01',
      close_reason: 'moved_away',
      head_name: 'Trần Thị Bình',
      version: 12,
    });
    const listed = await listHouseholds(h.db, { unitCodes: ['96002'], status: 'closed', limit: 10 });
    expect(listed.rows.map((r) => r.household_id)).toEqual([w.householdId]);
  });

  it('takes a voided support out of the totals and an amended one at its new amount', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('95001', '2022-01-10');
    await w.review('poor', '2022-02-15');
    const grant = await w.support(loan('L9', '2022-03-01', 20_000_000));
    const model = await w.support({
      kind: 'livelihood',
      model: 'Bò',
      modelType: 'livestock',
      valueVnd: 12_000_000,
      occurredAt: '2022-04-01',
    });
    await catchUp(h);
    expect((await getHouseholdStatus(h.db, w.householdId))?.support_totals).toEqual({
      loan: { count: 1, amountVnd: 20_000_000 },
      livelihood: { count: 1, amountVnd: 12_000_000 },
    });
    await w.void(model);
    await w.amend(grant, {
      type: 'RecordSupportAction',
      householdId: w.householdId,
      action: loan('L9', '2022-03-01', 25_000_000),
    });
    await catchUp(h);
    const row = await getHouseholdStatus(h.db, w.householdId);
    expect(row?.support_totals).toEqual({ loan: { count: 1, amountVnd: 25_000_000 } });
    expect(row?.unit_code_now).toBe('96002');
  });
});
