import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitYearStats, UNIT_YEAR_COUNTS, upsertUnitYearHouseholds, yearEndStatuses } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('unit_year');
});
afterAll(async () => {
  await h?.close();
});

const zero = Object.fromEntries(UNIT_YEAR_COUNTS.map((c) => [c, 0]));

const stats = async (toYear?: number) =>
  Object.fromEntries(
    (
      await listUnitYearStats(h.db, {
        unitCodes: ['96101', '96102', '95001'],
        ...(toYear ? { toYear } : {}),
      })
    ).map((r) => [`${r.unit_code}/${r.year}`, r]),
  );

describe('unit_year_stats', () => {
  it('counts movements on and off the lists where and when they happen, carries year-end lists over, and takes voided reviews back', async () => {
    const a = new HouseholdWriter(h.store);
    await a.register('96101');
    await a.review('poor', '2022-02-15'); // newly poor (its first review)
    await a.review('near_poor', '2022-11-10'); // escaped poverty, onto the near-poor list
    const relapse = await a.review('poor', '2023-11-10'); // relapsed, off the near-poor list
    const b = new HouseholdWriter(h.store);
    await b.register('96101');
    await b.review('non_poor', '2022-02-15');
    const newlyPoor = await b.review('poor', '2022-11-12'); // newly poor
    const c = new HouseholdWriter(h.store);
    await c.register('96101');
    await c.review('near_poor', '2022-02-20'); // newly near-poor
    await c.review('non_poor', '2022-11-15'); // escaped near-poverty
    const d = new HouseholdWriter(h.store);
    await d.register('95001');
    await d.review('poor', '2022-03-01');
    await d.close('2022-12-20'); // leaves the list on its closure
    const e = new HouseholdWriter(h.store);
    await e.register('96101');
    await e.review('poor', '2022-02-15');
    await e.move('96102', '2022-06-01'); // leaves 96101's list, joins 96102's, on the move's date
    await e.review('poor', '2022-11-20'); // no change; reviewed in 96102 this year
    await catchUp(h, { batchSize: 4 });

    expect(await stats()).toMatchObject({
      '96101/2022': {
        ...zero,
        reviewed: 3,
        poor: 2,
        near_poor: 2,
        newly_poor: 3,
        escaped: 1,
        escaped_to_near_poor: 1,
        near_poor_from_poor: 1,
        newly_near_poor: 1,
        escaped_near_poverty: 1,
        poor_moved_out: 1,
        opening_poor: 0,
        closing_poor: 1,
        opening_near_poor: 0,
        closing_near_poor: 1,
      },
      '96101/2023': {
        ...zero,
        reviewed: 1,
        poor: 1,
        relapsed: 1,
        near_poor_to_poor: 1,
        opening_poor: 1,
        closing_poor: 2,
        opening_near_poor: 1,
        closing_near_poor: 0,
      },
      '96102/2022': { ...zero, reviewed: 1, poor: 1, poor_moved_in: 1, closing_poor: 1 },
      // No movement in 96102 in 2023: its list carries over.
      '96102/2023': { ...zero, opening_poor: 1, closing_poor: 1 },
      '95001/2022': { ...zero, reviewed: 1, poor: 1, newly_poor: 1, poor_closed: 1, closing_poor: 0 },
    });
    // Carried over to any later year asked for, reviewed or not.
    expect((await stats(2025))['96101/2025']).toMatchObject({ ...zero, opening_poor: 2, closing_poor: 2 });

    // The year-end lists are the households' own standings on 31 December.
    const standings = await yearEndStatuses(h.db, { unitCodes: ['96101'], fromYear: 2022, toYear: 2024 });
    const poorAt = (year: number) => standings.filter((s) => s.year === year && s.status === 'poor').length;
    expect([poorAt(2022), poorAt(2023), poorAt(2024)]).toEqual([1, 2, 2]);

    await upsertUnitYearHouseholds(h.db, [{ unitCode: '96101', year: 2022, totalHouseholds: 200, source: 'test' }]);
    await upsertUnitYearHouseholds(h.db, [{ unitCode: '96101', year: 2022, totalHouseholds: 250 }]);
    const [withRate] = await listUnitYearStats(h.db, { unitCodes: ['96101'], fromYear: 2022, toYear: 2022 });
    expect(withRate).toMatchObject({ total_households: 250, poverty_rate: 1 / 250, near_poverty_rate: 1 / 250 });

    await b.void(newlyPoor);
    await a.void(relapse);
    await catchUp(h);
    const after = await stats();
    expect(after['96101/2022']).toMatchObject({
      ...zero,
      reviewed: 3,
      poor: 1,
      near_poor: 2,
      newly_poor: 2,
      escaped: 1,
      escaped_to_near_poor: 1,
      near_poor_from_poor: 1,
      newly_near_poor: 1,
      escaped_near_poverty: 1,
      poor_moved_out: 1,
      closing_poor: 0,
      closing_near_poor: 1,
    });
    // Nothing happened in 96101 in 2023 any more: the row goes, as a rebuild would not have it.
    expect(after['96101/2023']).toBeUndefined();
    const [unknownRate] = await listUnitYearStats(h.db, { unitCodes: ['96102'] });
    expect(unknownRate).toMatchObject({ total_households: null, poverty_rate: null });
  });
});
