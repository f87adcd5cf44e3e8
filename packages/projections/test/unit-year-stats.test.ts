import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitYearStats, upsertUnitYearHouseholds } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('unit_year');
});
afterAll(async () => {
  await h?.close();
});

const zero = {
  reviewed: 0,
  poor: 0,
  near_poor: 0,
  escaped: 0,
  escaped_near_poverty: 0,
  relapsed: 0,
  relapsed_near_poverty: 0,
  newly_poor: 0,
  closing_poor: 0,
  closing_near_poor: 0,
};

const stats = async () =>
  Object.fromEntries(
    (await listUnitYearStats(h.db, { unitCodes: ['96101', '96102', '95001'] })).map((r) => [
      `${r.unit_code}/${r.year}`,
      r,
    ]),
  );

describe('unit_year_stats', () => {
  it('counts households per unit (as recorded at the year’s last review) and year, and takes voided reviews back', async () => {
    const a = new HouseholdWriter(h.store);
    await a.register('96101');
    await a.review('poor', '2022-02-15');
    await a.review('near_poor', '2022-11-10'); // escaped poverty
    const relapse = await a.review('poor', '2023-11-10'); // relapsed
    const b = new HouseholdWriter(h.store);
    await b.register('96101');
    await b.review('non_poor', '2022-02-15');
    const newlyPoor = await b.review('poor', '2022-11-12');
    const c = new HouseholdWriter(h.store);
    await c.register('96101');
    await c.review('near_poor', '2022-02-20');
    await c.review('non_poor', '2022-11-15'); // escaped near-poverty
    const d = new HouseholdWriter(h.store);
    await d.register('95001');
    await d.review('poor', '2022-03-01');
    await d.close('2022-12-20'); // not poor at the end of the year: closed
    const e = new HouseholdWriter(h.store);
    await e.register('96101');
    await e.review('poor', '2022-02-15');
    await e.move('96102', '2022-06-01');
    await e.review('poor', '2022-11-20'); // the whole year counts where the last review found it
    await catchUp(h, { batchSize: 4 });

    expect(await stats()).toMatchObject({
      '96101/2022': {
        ...zero,
        reviewed: 3,
        poor: 2,
        near_poor: 2,
        escaped: 1,
        escaped_near_poverty: 1,
        newly_poor: 1,
        closing_poor: 1,
        closing_near_poor: 1,
      },
      '96101/2023': { ...zero, reviewed: 1, poor: 1, relapsed: 1, closing_poor: 1 },
      '96102/2022': { ...zero, reviewed: 1, poor: 1, closing_poor: 1 },
      '95001/2022': { ...zero, reviewed: 1, poor: 1 },
    });

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
      escaped: 1,
      escaped_near_poverty: 1,
      closing_near_poor: 1,
    });
    // No household reviewed in 2023 any more: the row goes, as a rebuild would not have it.
    expect(after['96101/2023']).toBeUndefined();
    const [unknownRate] = await listUnitYearStats(h.db, { unitCodes: ['96102'] });
    expect(unknownRate).toMatchObject({ total_households: null, poverty_rate: null });
  });
});
