import { describe, expect, it } from 'vitest';
import { type CohortEpisode, cumulativeRelapseByCohort, DAYS_PER_YEAR, kaplanMeier } from '../src/index.js';

const episode = (cohort: number, time: number, event: boolean): CohortEpisode => ({ cohort, time, event });

describe('cumulativeRelapseByCohort', () => {
  const episodes: CohortEpisode[] = [
    // 2019: followed past five years
    episode(2019, 100, true),
    episode(2019, 400, true),
    episode(2019, 800, false),
    episode(2019, 1200, true),
    episode(2019, 2000, false),
    episode(2019, 2100, false),
    // 2022: at most 900 days of follow-up
    episode(2022, 200, true),
    episode(2022, 500, false),
    episode(2022, 900, false),
  ];
  const rows = cumulativeRelapseByCohort(episodes);

  it('has one row per escape year, in order, with n and events', () => {
    expect(rows.map((r) => [r.cohort, r.n, r.events, r.maxTime])).toEqual([
      [2019, 6, 3, 2100],
      [2022, 3, 1, 900],
    ]);
  });

  it('reads 1 − S at k × 365.25 days off the Kaplan–Meier curve', () => {
    const fit = kaplanMeier(episodes.filter((e) => e.cohort === 2019));
    const sAt = (t: number) => fit.table.filter((r) => r.time <= t).at(-1)?.survival ?? 1;
    const points = rows[0]?.points ?? [];
    expect(points.map((p) => p.days)).toEqual([1, 2, 3, 4, 5].map((k) => k * DAYS_PER_YEAR));
    for (const p of points) expect(p.cumulativeRelapse).toBeCloseTo(1 - sAt(p.days), 15);
    // 1 year: one relapse in 6 households.
    expect(points[0]?.cumulativeRelapse).toBeCloseTo(1 / 6, 15);
    expect(points[0]?.nRisk).toBe(5);
  });

  it('gives limits for 1 − S as one minus the limits for S', () => {
    const fit = kaplanMeier(
      episodes.filter((e) => e.cohort === 2019),
      { confType: 'log-log' },
    );
    const [p1] = cumulativeRelapseByCohort(episodes, { confType: 'log-log' })[0]?.points ?? [];
    expect(p1?.lower).toBeCloseTo(1 - (fit.table[0]?.upper ?? 0), 15);
    expect(p1?.upper).toBeCloseTo(1 - (fit.table[0]?.lower ?? 0), 15);
  });

  it('leaves horizons beyond the follow-up null', () => {
    const points = rows[1]?.points ?? [];
    expect(points.map((p) => p.withinFollowUp)).toEqual([true, true, false, false, false]);
    expect(points[2]).toMatchObject({ cumulativeRelapse: null, lower: null, upper: null, nRisk: 0 });
  });

  it('reports 0 with a degenerate interval before the first relapse', () => {
    const [row] = cumulativeRelapseByCohort([episode(2020, 500, true), episode(2020, 600, false)], { years: [1] });
    expect(row?.points[0]).toMatchObject({ cumulativeRelapse: 0, lower: 0, upper: 0, nRisk: 2 });
  });

  it('accepts other horizons and year lengths', () => {
    const [row] = cumulativeRelapseByCohort(episodes, { years: [0.5], daysPerYear: 365 });
    expect(row?.points[0]?.days).toBe(182.5);
  });

  it('rejects a cohort that is not a year', () => {
    expect(() => cumulativeRelapseByCohort([episode(2020.5, 1, true)])).toThrow(/year/);
  });
});
