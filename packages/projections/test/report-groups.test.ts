import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BalanceGrouping,
  listBalances,
  listDeprivations,
  type RollupEntry,
  reviewHistoryProjection,
} from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('report_groups');
});
afterAll(async () => {
  await h?.close();
});

const ALWAYS = { from: '0001-01-01', to: '9999-12-31' };
const rollup: RollupEntry[] = ['96101', '96102'].map((code) => ({ code, ...ALWAYS, row: code }));

/** The poor list of a unit in a year, per group, as `{ group: { opening, …, closing } }` without zeros. */
async function poorOf(year: number, by: BalanceGrouping, unit = '96101') {
  const rows = await listBalances(h.db, { rollup, year, by });
  const groups = rows
    .filter((r) => r.row === unit && r.list === 'poor')
    .map((r): [string, Record<string, number>] => [
      r.group,
      Object.fromEntries(
        Object.entries({
          opening: r.opening,
          ...r.counts,
          in: r.regroupedIn,
          out: r.regroupedOut,
          closing: r.closing,
        }).filter(([, n]) => n !== 0),
      ),
    ]);
  return Object.fromEntries(groups.filter(([, figures]) => Object.keys(figures).length > 0));
}

describe('list movements by group', () => {
  beforeAll(async () => {
    // a: Tày head, poor from 2022, flagged unable to escape in May 2023, escapes in November 2024.
    const a = new HouseholdWriter(h.store);
    await a.run({
      type: 'RegisterHousehold',
      householdId: a.householdId,
      head: { fullName: 'Hoàng Văn Pác' },
      memberCount: 3,
      headEthnicity: '02',
      area: 'rural',
      unitCode: '96101',
      occurredOn: '2022-01-10',
    });
    await a.review('poor', '2022-02-15');
    await a.run({
      type: 'SetUnableToEscapeFlag',
      householdId: a.householdId,
      basis: 'no_working_age_labour',
      reason: 'Hai ông bà cao tuổi',
      occurredOn: '2023-05-10',
    });
    await a.review('near_poor', '2024-11-10');
    // b: urban, head's ethnicity not recorded, poor and flagged on the same day, moves out in June 2023.
    const b = new HouseholdWriter(h.store);
    await b.register('96101', '2022-01-10', 'urban');
    await b.review('poor', '2022-03-01');
    await b.run({
      type: 'SetUnableToEscapeFlag',
      householdId: b.householdId,
      basis: 'severe_disability',
      reason: 'Chủ hộ khuyết tật nặng',
      occurredOn: '2022-03-01',
    });
    await b.move('96102', '2023-06-01');
    await catchUp(h, { batchSize: 3 });
    await catchUp(h, { projection: reviewHistoryProjection });
  });

  it('keeps a household in the unable-to-escape group from the day its flag stands, and moves it there when flagged later', async () => {
    expect(await poorOf(2022, 'unable_to_escape')).toEqual({
      other: { newly_poor: 1, closing: 1 },
      unable: { newly_poor: 1, closing: 1 },
    });
    expect(await poorOf(2023, 'unable_to_escape')).toEqual({
      other: { opening: 1, out: 1 },
      unable: { opening: 1, in: 1, poor_moved_out: 1, closing: 1 },
    });
    expect(await poorOf(2024, 'unable_to_escape')).toEqual({
      unable: { opening: 1, escaped: 1, escaped_to_near_poor: 1 },
    });
    expect(await poorOf(2023, 'unable_to_escape', '96102')).toEqual({
      unable: { poor_moved_in: 1, closing: 1 },
    });
  });

  it('groups by the area where the household joined the list and by the head’s ethnicity', async () => {
    expect(await poorOf(2022, 'area')).toEqual({
      rural: { newly_poor: 1, closing: 1 },
      urban: { newly_poor: 1, closing: 1 },
    });
    expect(await poorOf(2023, 'ethnic_minority')).toEqual({
      minority: { opening: 1, closing: 1 },
      unknown: { opening: 1, poor_moved_out: 1 },
    });
    // Flag changes cancel out in every other grouping.
    expect(await poorOf(2023, 'none')).toEqual({ '': { opening: 2, poor_moved_out: 1, closing: 1 } });
  });

  it('counts the deprivations of the households on each list at a year’s end, from their latest review then', async () => {
    const counts = await listDeprivations(h.db, {
      rollup,
      date: '2023-12-31',
      indicators: [
        { standardId: 'VN-2022-2026', code: 'employment', dimension: 'employment' },
        { standardId: 'VN-2022-2026', code: 'water', dimension: 'water and sanitation' },
        { standardId: 'VN-2022-2026', code: 'sanitation', dimension: 'water and sanitation' },
      ],
    });
    const of96101 = counts.filter((c) => c.row === '96101').map(({ row: _row, ...c }) => c);
    expect(of96101).toEqual([
      { list: 'poor', standardId: 'VN-2022-2026', kind: 'dimension', key: 'employment', households: 1, measured: 0 },
      {
        list: 'poor',
        standardId: 'VN-2022-2026',
        kind: 'dimension',
        key: 'water and sanitation',
        households: 1,
        measured: 0,
      },
      { list: 'poor', standardId: 'VN-2022-2026', kind: 'indicator', key: 'employment', households: 1, measured: 0 },
      { list: 'poor', standardId: 'VN-2022-2026', kind: 'indicator', key: 'sanitation', households: 1, measured: 0 },
      { list: 'poor', standardId: 'VN-2022-2026', kind: 'indicator', key: 'water', households: 1, measured: 0 },
      { list: 'poor', standardId: 'VN-2022-2026', kind: 'total', key: '', households: 1, measured: 1 },
    ]);
    // The same households as the balance's closing list.
    const closing = (await listBalances(h.db, { rollup, year: 2023, by: 'none' })).filter((r) => r.list === 'poor');
    const totals = counts.filter((c) => c.kind === 'total' && c.list === 'poor');
    for (const r of closing) expect(totals.find((t) => t.row === r.row)?.households ?? 0).toBe(r.closing);
  });
});
