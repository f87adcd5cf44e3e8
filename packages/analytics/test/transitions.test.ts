import { describe, expect, it } from 'vitest';
import { type PovertyStatus, type StatusObservation, transitionMatrices } from '../src/index.js';

const obs = (household: string, year: number, status: PovertyStatus): StatusObservation => ({
  household,
  year,
  status,
});

/** The matrix as from → to → count. */
const counts = (m: ReturnType<typeof transitionMatrices>['pooled']) =>
  Object.fromEntries(m.rows.map((r) => [r.from, Object.fromEntries(r.cells.map((c) => [c.to, c.count]))]));

describe('transitionMatrices', () => {
  const observations = [
    obs('h1', 2021, 'poor'),
    obs('h1', 2022, 'near_poor'),
    obs('h1', 2023, 'non_poor'),
    obs('h2', 2021, 'poor'),
    obs('h2', 2022, 'poor'),
    obs('h3', 2021, 'non_poor'),
    obs('h3', 2022, 'poor'),
    // a gap: 2021 → 2023 is not a year-to-year transition
    obs('h4', 2021, 'poor'),
    obs('h4', 2023, 'non_poor'),
  ];
  const result = transitionMatrices([...observations].reverse());

  it('counts each pair of consecutive years per household', () => {
    expect(result.byYear.map((m) => [m.fromYear, m.toYear, m.n])).toEqual([
      [2021, 2022, 3],
      [2022, 2023, 1],
    ]);
    expect(counts(result.byYear[0] ?? result.pooled)).toEqual({
      poor: { poor: 1, near_poor: 1, non_poor: 0 },
      near_poor: { poor: 0, near_poor: 0, non_poor: 0 },
      non_poor: { poor: 1, near_poor: 0, non_poor: 0 },
    });
    expect(result.gaps).toBe(1);
  });

  it('pools all years and gives row proportions, null for an empty row', () => {
    expect(result.pooled.n).toBe(4);
    const poor = result.pooled.rows.find((r) => r.from === 'poor');
    expect(poor?.total).toBe(2);
    expect(poor?.cells.map((c) => c.proportion)).toEqual([0.5, 0.5, 0]);
    const nearPoor = result.pooled.rows.find((r) => r.from === 'near_poor');
    expect(nearPoor?.cells.map((c) => c.proportion)).toEqual([0, 0, 1]);
    const empty = transitionMatrices([obs('h', 2020, 'poor'), obs('h', 2021, 'poor')]).pooled;
    expect(empty.rows.find((r) => r.from === 'non_poor')?.cells[0]?.proportion).toBeNull();
  });

  it('refuses two classifications of a household in one year, without naming the household', () => {
    expect(() =>
      transitionMatrices([obs('secret-id', 2020, 'poor'), obs('secret-id', 2020, 'near_poor')]),
    ).toThrowError(
      expect.objectContaining({
        code: 'ANALYTICS_DUPLICATE_OBSERVATION',
        message: expect.not.stringContaining('secret'),
      }),
    );
  });

  it('refuses unknown statuses and fractional years', () => {
    expect(() => transitionMatrices([{ household: 'h', year: 2020, status: 'rich' as PovertyStatus }])).toThrow(
      /status/,
    );
    expect(() => transitionMatrices([obs('h', 2020.5, 'poor')])).toThrow(/year/);
  });
});
