import { describe, expect, it } from 'vitest';
import {
  atRiskAt,
  bandPoints,
  type CurveInput,
  type CurveRow,
  censorMarks,
  cohortFollowUpLimit,
  DAYS_PER_MONTH,
  horizonOf,
  monthTicks,
  PALETTE,
  pathOf,
  prepareCurve,
  seriesStyle,
  showAtRisk,
  solidEnd,
  stepPoints,
  survivalAt,
  survivalFloor,
  survivalTicks,
} from '../../src/features/analytics/lib/km';

const row = (
  time: number,
  nRisk: number,
  nEvent: number,
  survival: number,
  extra: Partial<CurveRow> = {},
): CurveRow => ({
  time,
  nRisk,
  nEvent,
  survival,
  lower: survival - 0.1,
  upper: Math.min(1, survival + 0.1),
  suppressed: false,
  ...extra,
});

/**
 * Ten households: censored at 2 (one), relapses at 5 (one) and 8 (two), censored at 6 and 7 (one
 * each), four still followed after 8. As R's summary() gives it: only the relapse times.
 */
const curve = (overrides: Partial<CurveInput> = {}): CurveInput => ({
  key: 'all',
  suppressed: false,
  n: 10,
  events: 3,
  median: null,
  medianLower: null,
  medianUpper: null,
  table: [row(5, 9, 1, 8 / 9), row(8, 6, 2, (8 / 9) * (4 / 6))],
  ...overrides,
});

const prepared = (overrides: Partial<CurveInput> = {}) => {
  const c = prepareCurve(curve(overrides));
  if (!c) throw new Error('expected a published curve');
  return c;
};

describe('prepareCurve', () => {
  it('gives nothing to draw for a withheld group', () => {
    expect(prepareCurve(curve({ suppressed: true, n: null, table: null }))).toBeNull();
  });

  it('keeps the published rows, counts who is left after the last relapse and knows it has no censoring times', () => {
    const c = prepared();
    expect(c.steps.map((s) => s.time)).toEqual([5, 8]);
    expect(c.remaining).toBe(4);
    expect(c.complete).toBe(false);
    expect(c.maxTime).toBeNull();
    expect(c.tailWithheld).toBe(false);
  });

  it('stops at the first withheld row (its time is not published) and marks the tail', () => {
    const withheld = { ...row(0, 0, 0, 0), time: null, nRisk: null, survival: null, suppressed: true };
    const c = prepared({ table: [row(5, 9, 1, 0.9), withheld, row(12, 3, 1, 0.6)] });
    expect(c.steps.map((s) => s.time)).toEqual([5]);
    expect(c.tailWithheld).toBe(true);
  });

  it('draws a missing limit (the log interval at S = 0) as the estimate', () => {
    const c = prepared({ table: [row(5, 1, 1, 0, { lower: null, upper: null })], n: 6 });
    expect(c.steps[0]).toMatchObject({ survival: 0, lower: 0, upper: 0 });
  });

  it('sorts rows by time', () => {
    const c = prepared({ table: [row(8, 6, 2, 0.6), row(5, 9, 1, 0.9)] });
    expect(c.steps.map((s) => s.time)).toEqual([5, 8]);
  });
});

describe('stepPoints', () => {
  it('goes flat to each relapse, then down, and flat on to the end', () => {
    const c = prepared({ table: [row(10, 10, 1, 0.9), row(20, 9, 1, 0.8)] });
    expect(stepPoints(c.steps, 'survival', 30)).toEqual([
      [0, 1],
      [10, 1],
      [10, 0.9],
      [20, 0.9],
      [20, 0.8],
      [30, 0.8],
    ]);
  });

  it('ends at the last relapse when the end is not later, and drops repeated corners (a relapse at day 0)', () => {
    const c = prepared({ table: [row(0, 10, 1, 0.9), row(20, 9, 1, 0.8)] });
    expect(stepPoints(c.steps, 'survival', 20)).toEqual([
      [0, 1],
      [0, 0.9],
      [20, 0.9],
      [20, 0.8],
    ]);
  });

  it('is a flat line at 1 for a group without relapses', () => {
    expect(stepPoints([], 'survival', 40)).toEqual([
      [0, 1],
      [40, 1],
    ]);
  });

  it('follows the limits for the band, which closes back at the start', () => {
    const c = prepared({ table: [row(10, 10, 1, 0.9)] });
    const band = bandPoints(c.steps, 20);
    expect(band.slice(0, 4)).toEqual([
      [0, 1],
      [10, 1],
      [20, 1],
      [20, 0.8],
    ]);
    expect(band.at(-1)).toEqual([0, 1]);
    expect(band).toContainEqual([10, 0.8]);
  });
});

describe('pathOf', () => {
  it('maps the points through the scales into an SVG path, rounded to a tenth of a pixel', () => {
    const x = (t: number) => t * 2;
    const y = (s: number) => 100 - s * 100;
    expect(
      pathOf(
        [
          [0, 1],
          [10, 1],
          [10, 0.333333],
        ],
        x,
        y,
      ),
    ).toBe('M0,0L20,0L20,66.7');
    expect(pathOf([[0, 1]], x, y, true)).toBe('M0,0Z');
    expect(pathOf([], x, y)).toBe('');
  });
});

describe('censorMarks', () => {
  it('counts the households censored between relapses from the risk sets, without inventing their times', () => {
    expect(censorMarks(prepared())).toEqual([
      { from: 0, to: 5, count: 1, survival: 1 },
      { from: 5, to: 8, count: 2, survival: 8 / 9 },
      // Four still followed after the last relapse; until when is not published.
      { from: 8, to: null, count: 4, survival: (8 / 9) * (4 / 6) },
    ]);
  });

  it('closes the tail at the end of follow-up when the route gives it', () => {
    expect(censorMarks(prepared({ maxTime: 20 })).at(-1)).toEqual({
      from: 8,
      to: 20,
      count: 4,
      survival: (8 / 9) * (4 / 6),
    });
  });

  it('places each mark exactly when the rows list censored times', () => {
    const table = [
      row(2, 10, 0, 1, { nCensor: 1 }),
      row(5, 9, 1, 8 / 9, { nCensor: 0 }),
      row(6, 8, 0, 8 / 9, { nCensor: 1 }),
      row(7, 7, 0, 8 / 9, { nCensor: 1 }),
      row(8, 6, 2, (8 / 9) * (4 / 6), { nCensor: 0 }),
      row(15, 4, 0, (8 / 9) * (4 / 6), { nCensor: 4 }),
    ];
    const c = prepared({ table, maxTime: 15 });
    expect(c.complete).toBe(true);
    expect(c.remaining).toBe(0);
    expect(censorMarks(c).map((m) => [m.from, m.to, m.count])).toEqual([
      [2, 2, 1],
      [6, 6, 1],
      [7, 7, 1],
      [15, 15, 4],
    ]);
  });

  it('has no open tail when everyone relapsed or the tail is withheld', () => {
    expect(censorMarks(prepared({ n: 2, table: [row(3, 2, 2, 0)] }))).toEqual([]);
  });
});

describe('atRiskAt', () => {
  it('is exact at 0 and bounded elsewhere when censoring times are not published', () => {
    expect(atRiskAt(prepared(), [0, 3, 5, 6, 9])).toEqual([
      { low: 10, high: 10 },
      // before the first relapse: at least the 9 at risk at day 5, at most all 10
      { low: 9, high: 10 },
      // at a relapse time the risk set is published
      { low: 9, high: 10 },
      { low: 6, high: 8 },
      // after the last relapse: at most the 4 left, maybe none
      { low: 0, high: 4 },
    ]);
  });

  it('is exact with censored rows, and zero past the end of follow-up', () => {
    const table = [
      row(2, 10, 0, 1, { nCensor: 1 }),
      row(5, 9, 1, 8 / 9, { nCensor: 0 }),
      row(8, 6, 2, 0.6, { nCensor: 0 }),
      row(15, 4, 0, 0.6, { nCensor: 4 }),
    ];
    const c = prepared({ table, maxTime: 15 });
    expect(atRiskAt(c, [0, 3, 8, 12, 15, 16])).toEqual([
      { low: 10, high: 10 },
      { low: 9, high: 9 },
      { low: 6, high: 6 },
      { low: 4, high: 4 },
      { low: 4, high: 4 },
      { low: 0, high: 0 },
    ]);
  });
});

describe('follow-up bounds', () => {
  it('counts nobody at risk past the longest possible follow-up of an escape year', () => {
    const limit = cohortFollowUpLimit('2026', '2026-12-06');
    expect(limit).toBe(339);
    const c = prepareCurve(curve(), limit);
    expect(c?.limit).toBe(339);
    expect(c && atRiskAt(c, [300, 340])).toEqual([
      { low: 0, high: 4 },
      { low: 0, high: 0 },
    ]);
  });

  it('prefers the published end of follow-up, and has no bound for a key that is not a year', () => {
    expect(prepareCurve(curve({ maxTime: 20 }), 339)?.limit).toBe(20);
    expect(cohortFollowUpLimit('kinh', '2026-12-06')).toBeNull();
    expect(cohortFollowUpLimit('2027', '2026-12-06')).toBeNull();
  });
});

describe('showAtRisk', () => {
  it('shows exact counts, withholds 1 to 4, and keeps zero', () => {
    expect(showAtRisk({ low: 12, high: 12 })).toEqual({ kind: 'exact', value: 12 });
    expect(showAtRisk({ low: 3, high: 3 })).toEqual({ kind: 'withheld' });
    expect(showAtRisk({ low: 0, high: 0 })).toEqual({ kind: 'exact', value: 0 });
  });

  it('shows a range, drops a small lower bound, and withholds a range below 5', () => {
    expect(showAtRisk({ low: 6, high: 8 })).toEqual({ kind: 'range', low: 6, high: 8 });
    expect(showAtRisk({ low: 2, high: 40 })).toEqual({ kind: 'atMost', high: 40 });
    expect(showAtRisk({ low: 0, high: 4 })).toEqual({ kind: 'withheld' });
  });
});

describe('survivalAt', () => {
  it('reads the step at or before the time, and nothing past the last relapse without an end of follow-up', () => {
    const c = prepared();
    expect(survivalAt(c, 0)).toBe(1);
    expect(survivalAt(c, 4.9)).toBe(1);
    expect(survivalAt(c, 5)).toBeCloseTo(8 / 9);
    expect(survivalAt(c, 8)).toBeCloseTo((8 / 9) * (4 / 6));
    expect(survivalAt(c, 9)).toBeNull();
    expect(survivalAt(prepared({ maxTime: 30 }), 29)).toBeCloseTo((8 / 9) * (4 / 6));
  });
});

describe('axes', () => {
  it('shows at least a year, in steps of 6 months up to 3 years and of 12 beyond', () => {
    expect(monthTicks(0)).toEqual({ maxMonths: 12, ticks: [0, 6, 12] });
    expect(monthTicks(300)).toEqual({ maxMonths: 12, ticks: [0, 6, 12] });
    expect(monthTicks(30 * DAYS_PER_MONTH)).toEqual({ maxMonths: 30, ticks: [0, 6, 12, 18, 24, 30] });
    expect(monthTicks(1500)).toEqual({ maxMonths: 60, ticks: [0, 12, 24, 36, 48, 60] });
  });

  it('takes the horizon from the end of follow-up when known, else from the last relapse', () => {
    expect(horizonOf([prepared(), prepared({ maxTime: 40 })])).toBe(40);
    expect(horizonOf([])).toBe(0);
    expect(solidEnd(prepared())).toBe(8);
    expect(solidEnd(prepared({ maxTime: 40 }))).toBe(40);
  });

  it('zooms the survival axis to the tenth below the lowest limit, or starts at 0', () => {
    const c = prepared({ table: [row(5, 9, 1, 0.93, { lower: 0.87 })] });
    expect(survivalFloor([c], false)).toBe(0.8);
    expect(survivalFloor([c], true)).toBe(0);
    expect(survivalFloor([prepared({ table: [] })], false)).toBe(0.9);
    expect(survivalTicks(0.8)).toEqual([0.8, 0.9, 1]);
    expect(survivalTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('seriesStyle', () => {
  it('gives seven distinct colours, then repeats them dashed', () => {
    const styles = Array.from({ length: 8 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.slice(0, 7).map((s) => s.colour)).size).toBe(PALETTE.length);
    expect(styles[0]?.dash).toBeUndefined();
    expect(styles[7]).toEqual({ colour: PALETTE[0], dash: '6 3' });
  });
});
