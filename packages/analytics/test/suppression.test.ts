import { describe, expect, it } from 'vitest';
import {
  cumulativeRelapseByCohort,
  type GroupedObservation,
  isSmallCount,
  MIN_CELL_SIZE,
  suppressCohorts,
  suppressFields,
  suppressFlows,
  suppressSurvival,
  suppressTransitionMatrix,
  survivalByGroup,
  transitionMatrices,
  type UnitYearFlow,
} from '../src/index.js';

describe('isSmallCount', () => {
  it('withholds 1 to 4 households by default, not 0 unless asked', () => {
    expect(MIN_CELL_SIZE).toBe(5);
    expect([0, 1, 4, 5, 100].map((n) => isSmallCount(n))).toEqual([false, true, true, false, false]);
    expect(isSmallCount(0, { suppressZero: true })).toBe(true);
    expect(isSmallCount(9, { threshold: 10 })).toBe(true);
  });

  it('marks rather than drops', () => {
    expect(suppressFields({ key: 'x', count: 3, rate: 0.5 }, 3, ['count', 'rate'])).toEqual({
      key: 'x',
      count: null,
      rate: null,
      suppressed: true,
    });
    expect(suppressFields({ key: 'x', count: 30 }, 30, ['count'])).toEqual({ key: 'x', count: 30, suppressed: false });
  });
});

describe('suppressSurvival', () => {
  const obs: GroupedObservation[] = [
    ...Array.from({ length: 8 }, (_, i) => ({ group: 'big', time: 10 * (i + 1), event: i % 2 === 0 })),
    ...Array.from({ length: 3 }, (_, i) => ({ group: 'small', time: 5 * (i + 1), event: true })),
  ];
  const result = survivalByGroup(obs);

  it('nulls a group of fewer than 5 households and keeps it in the list', () => {
    const published = suppressSurvival(result);
    expect(published.groups.map((g) => [g.key, g.suppressed])).toEqual([
      ['big', false],
      ['small', true],
    ]);
    expect(published.groups[1]).toMatchObject({ n: null, events: null, table: null, median: null });
    expect(published.groups[0]?.table?.length).toBe(result.groups[0]?.table.length);
  });

  it("nulls the small group's counts in the log-rank test but keeps the statistic", () => {
    const test = suppressSurvival(result).logRank;
    expect(test?.suppressedGroups).toEqual(['small']);
    expect(test?.observed).toEqual([result.logRank?.observed[0], null]);
    expect(test?.variance[1]).toEqual([null, null]);
    expect(test?.variance[0]?.[1]).toBeNull();
    expect(test?.chisq).toBe(result.logRank?.chisq);
  });

  it('optionally withholds the rows with fewer than 5 at risk', () => {
    const table = suppressSurvival(result, { suppressSmallRiskSets: true }).groups[0]?.table ?? [];
    expect(table.map((r) => r.suppressed)).toEqual((result.groups[0]?.table ?? []).map((r) => r.nRisk < 5));
    expect(table.find((r) => r.suppressed)).toMatchObject({ time: null, survival: null, nRisk: null });
  });
});

describe('suppressTransitionMatrix', () => {
  it('withholds small cells and their proportions, and small row totals', () => {
    const obs = [
      ...Array.from({ length: 6 }, (_, i) => [
        { household: `p${i}`, year: 2020, status: 'poor' as const },
        { household: `p${i}`, year: 2021, status: i < 2 ? ('non_poor' as const) : ('poor' as const) },
      ]),
      [
        { household: 'n', year: 2020, status: 'near_poor' as const },
        { household: 'n', year: 2021, status: 'poor' as const },
      ],
    ].flat();
    const m = suppressTransitionMatrix(transitionMatrices(obs).pooled);
    const poor = m.rows.find((r) => r.from === 'poor');
    expect(poor?.total).toBe(6);
    expect(poor?.cells.map((c) => [c.to, c.count, c.proportion, c.suppressed])).toEqual([
      ['poor', null, null, true], // 4 households
      ['near_poor', 0, 0, false],
      ['non_poor', null, null, true], // 2 households
    ]);
    expect(m.rows.find((r) => r.from === 'near_poor')).toMatchObject({ total: null, suppressed: true });
    expect(m).toMatchObject({ n: 7, suppressed: false });
  });
});

describe('suppressFlows', () => {
  const row: UnitYearFlow = {
    unitCode: 'U',
    year: 2021,
    escaped: 40,
    relapsed: 3,
    newlyPoor: 12,
    relapsedPerEscaped: 3 / 40,
    atRiskStart: 100,
    relapsedFromAtRisk: 2,
    hazard: 0.02,
  };

  it('withholds small counts and every ratio built on them', () => {
    const [published] = suppressFlows([row]);
    expect(published).toEqual({
      ...row,
      relapsed: null,
      relapsedPerEscaped: null,
      relapsedFromAtRisk: null,
      hazard: null,
      suppressed: true,
      suppressedFields: ['relapsed', 'relapsedFromAtRisk', 'relapsedPerEscaped', 'hazard'],
    });
  });

  it('leaves a row with only large counts untouched', () => {
    const big = { ...row, relapsed: 30, relapsedFromAtRisk: 20 };
    expect(suppressFlows([big])[0]).toEqual({ ...big, suppressed: false, suppressedFields: [] });
  });
});

describe('suppressCohorts', () => {
  it('withholds cohorts of fewer than 5 episodes entirely', () => {
    const rows = cumulativeRelapseByCohort([
      ...Array.from({ length: 6 }, (_, i) => ({ cohort: 2019, time: 300 * (i + 1), event: i % 2 === 0 })),
      ...Array.from({ length: 2 }, (_, i) => ({ cohort: 2020, time: 400 * (i + 1), event: true })),
    ]);
    const [kept, hidden] = suppressCohorts(rows);
    expect(kept).toMatchObject({ cohort: 2019, suppressed: false, n: 6 });
    expect(kept?.points[0]?.cumulativeRelapse).toBeCloseTo(1 / 6, 15);
    expect(hidden).toMatchObject({ cohort: 2020, suppressed: true, n: null, events: null });
    expect(hidden?.points.every((p) => p.suppressed && p.cumulativeRelapse === null)).toBe(true);
  });
});
