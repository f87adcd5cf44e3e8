import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSupportLedger } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('support_ledger');
});
afterAll(async () => {
  await h?.close();
});

const grant = (amountVnd: number) =>
  ({
    kind: 'loan',
    action: 'granted',
    loanId: 'HĐ-001',
    programme: 'poor_household',
    amountVnd,
    termMonths: 60,
    lender: 'VBSP',
    project: 'DA1',
    occurredAt: '2022-05-02',
  }) as const;

describe('support_ledger', () => {
  it('has one row per support action and follow-up, with amounts, units and voided/amended state', async () => {
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    await w.review('poor', '2022-02-15');
    const loan = await w.support(grant(40_000_000));
    const repaid = await w.support({
      kind: 'loan',
      action: 'repaid',
      loanId: 'HĐ-001',
      amountVnd: 5_000_000,
      occurredAt: '2023-01-05',
    });
    const cards = await w.support({
      kind: 'health_insurance',
      cardCount: 4,
      validUntil: '2023-12-31',
      occurredAt: '2023-01-10',
    });
    await w.move('96102', '2023-06-01');
    const house = await w.support({
      kind: 'housing',
      support: 'repair',
      valueVnd: 20_000_000,
      occurredAt: '2023-07-01',
    });
    await catchUp(h, { batchSize: 2 });

    const rows = await listSupportLedger(h.db, w.householdId);
    expect(rows.map((r) => [r.event_id, r.kind, r.action, r.occurred_on, r.amount_vnd, r.unit_code])).toEqual([
      [loan, 'loan', 'granted', '2022-05-02', '40000000', '96101'],
      [repaid, 'loan', 'repaid', '2023-01-05', '5000000', '96101'],
      [cards, 'health_insurance', 'provided', '2023-01-10', null, '96101'],
      [house, 'housing', 'provided', '2023-07-01', '20000000', '96102'],
    ]);
    expect(rows[0]).toMatchObject({
      household_id: w.householdId,
      event_type: 'LoanGranted',
      starts_support: true,
      programme: 'poor_household',
      project: 'DA1',
      reference: 'HĐ-001',
      voided: false,
      amended: false,
      details: { loanId: 'HĐ-001', amountVnd: 40_000_000, termMonths: 60, annualRatePercent: 6.6, lender: 'VBSP' },
    });
    expect(rows[1]).toMatchObject({ starts_support: false, reference: 'HĐ-001', programme: null });

    // Amend the grant, void the cards, void the move: rows stay, flagged, data and units as they count now.
    const moved = (await w.store.readStream(`household-${w.householdId}`)).find((e) => e.type === 'HouseholdMoved');
    await w.amend(loan, { type: 'RecordSupportAction', householdId: w.householdId, action: grant(45_000_000) });
    await w.void(cards);
    await w.void(moved?.eventId as string);
    await catchUp(h);
    const after = await listSupportLedger(h.db, w.householdId);
    expect(after.map((r) => [r.event_id, r.amount_vnd, r.voided, r.amended, r.unit_code])).toEqual([
      [loan, '45000000', false, true, '96101'],
      [repaid, '5000000', false, false, '96101'],
      [cards, null, true, false, '96101'],
      [house, '20000000', false, false, '96101'],
    ]);
    expect(after[0]?.details).toMatchObject({ amountVnd: 45_000_000 });
    const counting = await listSupportLedger(h.db, w.householdId, { includeVoided: false });
    expect(counting.map((r) => r.event_id)).toEqual([loan, repaid, house]);
  });
});
