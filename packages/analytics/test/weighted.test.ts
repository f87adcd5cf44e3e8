import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnalyticsInputError,
  bandedCurve,
  CONF_TYPES,
  type CohortCell,
  type CohortEpisode,
  type CohortOptions,
  cumulativeRelapseByCohort,
  type GroupedObservation,
  type KaplanMeierOptions,
  kaplanMeier,
  logRank,
  mergeIntervals,
  type ProtectedCohortRow,
  protectedCohorts,
  protectedSurvival,
  roundToMonth,
  type SurvivalCell,
  type SurvivalObservation,
  survivalByGroup,
} from '../src/index.js';
import { anyWithheld, groupReasons, isPublished, protectCells, publishableCount } from '../src/privacy/cells.js';
import { type ProtectedCurve, withheldCurve } from '../src/privacy/life-table.js';
import { resolveOptions } from '../src/survival/options.js';
import { DATASETS, readObservations } from './golden.js';

/**
 * Observations with a `count` stand for that many households with the same follow-up. Every
 * figure must be exactly (not approximately) the one given by the households written out one by
 * one, so that aggregated counts from the read models can replace one object per household.
 */

/** mulberry32: a small seedable generator, so the data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each observation written out `count` times, without a count: one object per household. */
function expand<T extends SurvivalObservation>(observations: readonly T[]): Omit<T, 'count'>[] {
  return observations.flatMap(({ count = 1, ...o }) => Array.from({ length: count }, () => ({ ...o })));
}

/**
 * Four groups of different sizes and hazards; times on a coarse day grid so many households share
 * a time (ties of events, of censorings, and of both), counts from 0 to 12, the same (time, event)
 * sometimes repeated in separate observations.
 */
function dataset(seed: number): (GroupedObservation & { count: number })[] {
  const next = random(seed);
  const groups = ['cash', 'credit', 'housing', 'training'];
  const out: (GroupedObservation & { count: number })[] = [];
  for (let i = 0; i < 900; i++) {
    const g = Math.floor(next() * next() * groups.length);
    const relapse = 7 * Math.floor((-Math.log(1 - next()) * (200 + 150 * g)) / 7);
    const followUp = 7 * Math.floor((next() * 1500) / 7);
    out.push({
      group: groups[g] ?? 'cash',
      time: Math.min(relapse, followUp),
      event: relapse <= followUp,
      count: next() < 0.05 ? 0 : 1 + Math.floor(next() * next() * 12),
    });
  }
  return out;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `protectedSurvival` as it was written before counts: every published cell written out as one
 * observation per household, then the same rules. The reference the weighted path must equal.
 */
function protectedSurvivalOneByOne(
  cells: readonly SurvivalCell[],
  options: KaplanMeierOptions & { readonly threshold?: number } = {},
) {
  const threshold = options.threshold ?? 5;
  const households = new Map<string, number>();
  for (const c of cells) {
    const key = `${c.atom}\u0000${c.group}`;
    households.set(key, (households.get(key) ?? 0) + c.count);
  }
  const decisions = protectCells(
    [...households].map(([key, n]) => {
      const [atom = '', group = ''] = key.split('\u0000');
      return { atom, group, households: n };
    }),
    threshold,
  );
  const observations: GroupedObservation[] = [];
  for (const c of cells) {
    if (!isPublished(decisions, c.atom, c.group)) continue;
    for (let i = 0; i < c.count; i++) observations.push({ group: c.group, time: c.time, event: c.event });
  }
  const result = survivalByGroup(observations, options);
  const curves = new Map<string, ProtectedCurve>();
  for (const g of result.groups) {
    curves.set(
      g.key,
      bandedCurve(
        g.key,
        g,
        observations.filter((o) => o.group === g.key),
        threshold,
      ),
    );
  }
  const { confType, confLevel } = resolveOptions(options);
  const km = { confType, confLevel };
  for (const [group, reason] of groupReasons(decisions)) {
    if (!curves.has(group)) curves.set(group, withheldCurve(group, reason ?? 'small', km));
  }
  const groups = [...curves.values()].sort((a, b) => byCodePoint(a.key, b.key));
  const inTest = new Set(groups.filter((g) => g.withheld === null).map((g) => g.key));
  let logRank = null;
  if (groups.length >= 2 && inTest.size >= 2) {
    const test = survivalByGroup(
      observations.filter((o) => inTest.has(o.group)),
      options,
    ).logRank;
    logRank = test && {
      chisq: test.chisq,
      df: test.df,
      p: test.p,
      suppressedGroups: groups.filter((g) => !inTest.has(g.key)).map((g) => g.key),
    };
  }
  return { groups, logRank, leftOut: anyWithheld(decisions) };
}

/**
 * `protectedCohorts` as it was written before counts: every published cell written out as one
 * episode per household, then the same rules. The reference the weighted path must equal.
 */
function protectedCohortsOneByOne(
  cells: readonly CohortCell[],
  options: CohortOptions & { readonly threshold?: number } = {},
): { cohorts: ProtectedCohortRow[]; leftOut: boolean } {
  const threshold = options.threshold ?? 5;
  const households = new Map<string, number>();
  for (const c of cells) {
    const key = `${c.atom}\u0000${c.cohort}`;
    households.set(key, (households.get(key) ?? 0) + c.count);
  }
  const decisions = protectCells(
    [...households].map(([key, n]) => {
      const [atom = '', group = ''] = key.split('\u0000');
      return { atom, group, households: n };
    }),
    threshold,
  );
  const episodes: { cohort: number; time: number; event: boolean }[] = [];
  const byCohort = new Map<number, SurvivalObservation[]>();
  for (const c of cells) {
    if (!isPublished(decisions, c.atom, String(c.cohort))) continue;
    const o = { cohort: c.cohort, time: c.time, event: c.event };
    let list = byCohort.get(c.cohort);
    if (!list) {
      list = [];
      byCohort.set(c.cohort, list);
    }
    for (let i = 0; i < c.count; i++) {
      episodes.push(o);
      list.push(o);
    }
  }
  const rows = new Map<number, ProtectedCohortRow>();
  for (const row of cumulativeRelapseByCohort(episodes, options)) {
    const observations = byCohort.get(row.cohort) ?? [];
    const inFollowUp = row.points.filter((p) => p.withinFollowUp);
    const cuts = [...inFollowUp.map((p) => p.days), row.maxTime ?? 0].sort((a, b) => a - b);
    const intervals =
      publishableCount(row.events, threshold) && publishableCount(row.n - row.events, threshold)
        ? mergeIntervals(observations, cuts, threshold)
        : null;
    const ends = new Set(intervals?.map((iv) => iv.end) ?? []);
    rows.set(row.cohort, {
      cohort: row.cohort,
      suppressed: intervals === null,
      withheld: intervals === null ? 'few_events' : null,
      n: row.n,
      events: intervals === null ? null : row.events,
      maxTime: intervals === null ? null : roundToMonth(row.maxTime),
      points: row.points.map((p) => {
        const shown = intervals !== null && p.withinFollowUp && ends.has(p.days);
        const nRisk = observations.filter((o) => o.time > p.days).length;
        return {
          years: p.years,
          days: p.days,
          withinFollowUp: p.withinFollowUp,
          nRisk: shown ? nRisk : null,
          cumulativeRelapse: shown ? p.cumulativeRelapse : null,
          lower: shown ? p.lower : null,
          upper: shown ? p.upper : null,
          suppressed: p.withinFollowUp && !shown,
        };
      }),
    });
  }
  const horizons = options.years ?? [1, 2, 3, 4, 5];
  const daysPerYear = options.daysPerYear ?? 365.25;
  for (const [group, reason] of groupReasons(decisions)) {
    const cohort = Number(group);
    if (rows.has(cohort)) continue;
    rows.set(cohort, {
      cohort,
      suppressed: true,
      withheld: reason ?? 'small',
      n: null,
      events: null,
      maxTime: null,
      points: horizons.map((k) => ({
        years: k,
        days: k * daysPerYear,
        withinFollowUp: false,
        nRisk: null,
        cumulativeRelapse: null,
        lower: null,
        upper: null,
        suppressed: true,
      })),
    });
  }
  return { cohorts: [...rows.values()].sort((a, b) => a.cohort - b.cohort), leftOut: anyWithheld(decisions) };
}

const weighted = dataset(20_240_601);
const households = expand(weighted);

describe('weighted observations give the figures of the households one by one', () => {
  it('uses a data set with ties, censoring, zero counts and groups of different sizes', () => {
    expect(households.length).toBeGreaterThan(2 * weighted.length);
    expect(new Set(weighted.map((o) => o.group)).size).toBe(4);
    expect(weighted.some((o) => o.count === 0)).toBe(true);
    const fit = kaplanMeier(households, { includeCensored: true });
    expect(fit.table.some((r) => r.nEvent > 1 && r.nCensor > 0)).toBe(true);
    expect(fit.events).toBeGreaterThan(0);
    expect(fit.events).toBeLessThan(fit.n);
  });

  it.each(CONF_TYPES)('curves, limits, medians and log-rank by group (conf.type = %s)', (confType) => {
    for (const includeCensored of [false, true]) {
      const options = { confType, includeCensored };
      expect(survivalByGroup(weighted, options)).toStrictEqual(survivalByGroup(households, options));
    }
    const ordered = { confType, order: ['training', 'cash'] };
    expect(survivalByGroup(weighted, ordered)).toStrictEqual(survivalByGroup(households, ordered));
  });

  it('kaplanMeier and logRank called directly', () => {
    expect(kaplanMeier(weighted, { confLevel: 0.9 })).toStrictEqual(kaplanMeier(households, { confLevel: 0.9 }));
    const keys = ['training', 'housing', 'credit', 'cash'];
    const test = logRank(keys.map((key) => ({ key, obs: weighted.filter((o) => o.group === key) })));
    expect(test).toStrictEqual(logRank(keys.map((key) => ({ key, obs: households.filter((o) => o.group === key) }))));
    expect(test.n.reduce((a, b) => a + b, 0)).toBe(households.length);
  });

  it('takes the comparison sort as well (fractional days, and days past the counting range)', () => {
    for (const shift of [(t: number) => t + 0.25, (t: number) => t * 1e9]) {
      const w = weighted.map((o) => ({ ...o, time: shift(o.time) }));
      expect(survivalByGroup(w, { includeCensored: true })).toStrictEqual(
        survivalByGroup(expand(w), { includeCensored: true }),
      );
    }
  });

  it('banded life tables and their intervals', () => {
    const fit = survivalByGroup(weighted);
    for (const g of fit.groups) {
      const w = weighted.filter((o) => o.group === g.key);
      const h = households.filter((o) => o.group === g.key);
      expect(bandedCurve(g.key, g, w)).toStrictEqual(bandedCurve(g.key, g, h));
      expect(bandedCurve(g.key, g, w, 40)).toStrictEqual(bandedCurve(g.key, g, h, 40));
      const cuts = [30, 91, 183, 274, 365, 730, 1500];
      expect(mergeIntervals(w, cuts)).toStrictEqual(mergeIntervals(h, cuts));
    }
  });

  it('cumulative relapse by cohort', () => {
    const episodes = weighted.map((o, i): CohortEpisode & { count: number } => ({
      cohort: 2019 + (i % 5),
      time: o.time,
      event: o.event,
      count: o.count,
    }));
    expect(cumulativeRelapseByCohort(episodes, { confType: 'log-log' })).toStrictEqual(
      cumulativeRelapseByCohort(expand(episodes), { confType: 'log-log' }),
    );
  });

  it('protectedSurvival: cells with counts against one cell per household', () => {
    const next = random(7);
    // Atoms of every size, so that small, complementary and few-events groups all occur.
    const cells: SurvivalCell[] = weighted.map((o) => ({
      atom: `U${Math.floor(next() * next() * 30)}`,
      group: o.group,
      time: o.time,
      event: o.event,
      count: o.count,
    }));
    const answer = protectedSurvival(cells);
    const reasons = new Set(answer.groups.map((g) => g.withheld));
    expect(answer.leftOut).toBe(true);
    expect(reasons.has(null)).toBe(true);
    expect(answer.logRank).not.toBeNull();
    expect(answer).toStrictEqual(protectedSurvivalOneByOne(cells));
    // The same households given as one cell each, and split across cells in another order.
    const single = expand(cells).map((c) => ({ ...c, count: 1 }));
    expect(protectedSurvival(single)).toStrictEqual(answer);
    expect(protectedSurvival([...single].reverse())).toStrictEqual(answer);
    for (const options of [{ confType: 'plain' as const, threshold: 11 }, { threshold: 60 }]) {
      expect(protectedSurvival(cells, options)).toStrictEqual(protectedSurvivalOneByOne(cells, options));
    }
    expect(new Set(protectedSurvival(cells, { threshold: 60 }).groups.map((g) => g.withheld)).size).toBeGreaterThan(1);
  });

  it('protectedCohorts: cells with counts against one episode per household', () => {
    const next = random(11);
    // Escape years of very different sizes (the last few hold a handful of households) and atoms of
    // every size, so that small, complementary and few-events cohorts and hidden horizons all occur.
    const cells: CohortCell[] = weighted.map((o) => ({
      atom: `U${Math.floor(next() * next() * 30)}`,
      cohort: 2017 + Math.floor(next() * next() * 8),
      time: o.time,
      event: o.event,
      count: o.count,
    }));
    // A unit whose only two escape years are a small one and the one withheld beside it.
    cells.push(
      { atom: 'X', cohort: 2025, time: 120, event: true, count: 3 },
      { atom: 'X', cohort: 2026, time: 40, event: false, count: 6 },
      { atom: 'X', cohort: 2026, time: 70, event: true, count: 4 },
    );
    const settings: (CohortOptions & { threshold?: number })[] = [
      {},
      { confType: 'log-log', threshold: 11 },
      { confType: 'plain', threshold: 30, years: [0.5, 1, 2, 3], daysPerYear: 365 },
      { threshold: 60, confLevel: 0.9 },
    ];
    const reasons = new Set<string | null>();
    const points = new Set<string>();
    for (const options of settings) {
      const answer = protectedCohorts(cells, options);
      expect(answer).toStrictEqual(protectedCohortsOneByOne(cells, options));
      for (const row of answer.cohorts) {
        reasons.add(row.withheld);
        for (const p of row.points) points.add(`${p.withinFollowUp}/${p.suppressed}`);
      }
    }
    // Every kind of answer was compared: published, withheld three ways, horizons within follow-up
    // shown and hidden.
    expect([...reasons].sort()).toEqual(['complementary', 'few_events', 'small', null].sort());
    expect([...points]).toEqual(expect.arrayContaining(['true/false', 'true/true']));
    // The same households given as one cell each, and split across cells in another order.
    const answer = protectedCohorts(cells);
    expect(answer.leftOut).toBe(true);
    const single = expand(cells).map((c) => ({ ...c, count: 1 }));
    expect(protectedCohorts(single)).toStrictEqual(answer);
    expect(protectedCohorts([...single].reverse())).toStrictEqual(answer);
  });

  it('the R data sets, aggregated by (group, time, status), still fit as R does', () => {
    for (const name of DATASETS) {
      const observations = readObservations(name);
      const counts = new Map<string, GroupedObservation & { count: number }>();
      for (const o of observations) {
        const key = `${o.group}/${o.time}/${o.event}`;
        const c = counts.get(key);
        if (c) c.count++;
        else counts.set(key, { ...o, count: 1 });
      }
      expect(counts.size).toBeLessThanOrEqual(observations.length);
      for (const confType of CONF_TYPES) {
        expect(survivalByGroup([...counts.values()], { confType })).toStrictEqual(
          survivalByGroup(observations, { confType }),
        );
      }
    }
  });

  it('holds for any sample (property)', () => {
    const observation = fc.record({
      group: fc.constantFrom('a', 'b', 'c'),
      time: fc.integer({ min: 0, max: 40 }),
      event: fc.boolean(),
      count: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 40 }), fc.constantFrom(...CONF_TYPES), (obs, t) => {
        const options = { confType: t, includeCensored: true };
        expect(survivalByGroup(obs, options)).toStrictEqual(survivalByGroup(expand(obs), options));
      }),
    );
  });
});

describe('counts', () => {
  it('leaves an observation with count 0 out altogether, as if it were not there', () => {
    const obs = [
      { time: 5, event: true, count: 3 },
      { time: 9, event: false, count: 0 },
      { time: 12, event: true },
    ];
    const without = kaplanMeier(
      obs.filter((o) => o.count !== 0),
      { includeCensored: true },
    );
    expect(kaplanMeier(obs, { includeCensored: true })).toStrictEqual(without);
    expect(without.maxTime).toBe(12);
  });

  it('rejects a count that is not a whole number ≥ 0', () => {
    for (const count of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => kaplanMeier([{ time: 1, event: true, count }])).toThrow(AnalyticsInputError);
      expect(() => survivalByGroup([{ group: 'a', time: 1, event: true, count }])).toThrow(/count must be/);
      expect(() => protectedSurvival([{ atom: 'U', group: 'a', time: 1, event: true, count }])).toThrowError(
        expect.objectContaining({ code: 'ANALYTICS_INVALID_COUNT' }),
      );
      expect(() => protectedCohorts([{ atom: 'U', cohort: 2020, time: 1, event: true, count }])).toThrowError(
        expect.objectContaining({ code: 'ANALYTICS_INVALID_COUNT' }),
      );
    }
  });
});

const NATION = 5_000_000;

/**
 * Cells of 60 units × `keys` × a follow-up every 3 days before `days`, each of `base` to `base` + 9
 * households (40% relapsed), the last topped up so that they hold NATION households in all.
 */
function nationalCells<K, C extends { count: number }>(
  seed: number,
  keys: readonly K[],
  days: number,
  base: number,
  cell: (atom: string, key: K, c: { time: number; event: boolean; count: number }) => C,
): C[] {
  const next = random(seed);
  const cells: C[] = [];
  let total = 0;
  for (let u = 0; u < 60; u++) {
    for (const key of keys) {
      for (let time = 0; time < days; time += 3) {
        const event = next() < 0.4;
        const count = base + Math.floor(next() * 10);
        cells.push(cell(`U${u}`, key, { time, event, count }));
        total += count;
      }
    }
  }
  const last = cells.pop();
  if (last === undefined) throw new Error('no cells');
  cells.push({ ...last, count: last.count + NATION - total });
  return cells;
}

describe('protectedSurvival on a national count', () => {
  it('takes cells of 5,000,000 households without one object per household', () => {
    // 60 units × 3 groups × 600 distinct follow-ups, every cell large enough to publish.
    const cells: SurvivalCell[] = nationalCells(42, ['cash', 'credit', 'housing'], 1800, 40, (atom, group, c) => ({
      atom,
      group,
      ...c,
    }));
    const total = NATION;

    const answer = protectedSurvival(cells);
    expect(answer.leftOut).toBe(false);
    expect(answer.groups.map((g) => g.withheld)).toEqual([null, null, null]);
    const n = answer.groups.reduce((sum, g) => sum + (g.n ?? 0), 0);
    expect(n).toBe(total);
    // Everyone is at risk in each curve's first row, and every household ends in exactly one row.
    for (const g of answer.groups) {
      const rows = g.table ?? [];
      expect(rows[0]?.nRisk).toBe(g.n);
      expect(rows.reduce((s, r) => s + (r.nEvent ?? 0) + (r.nCensor ?? 0), 0)).toBe(g.n);
      expect(rows.reduce((s, r) => s + (r.nEvent ?? 0), 0)).toBe(g.events);
    }
    expect(answer.logRank?.df).toBe(2);
    expect(answer.logRank?.suppressedGroups).toEqual([]);
  });
});

describe('protectedCohorts on a national count', () => {
  it('takes cells of 5,000,000 households without one object per household', () => {
    const cohorts = [2019, 2020, 2021];
    // 60 units × 3 escape years × 700 distinct follow-ups (past five years), every cell large enough
    // to publish.
    const cells: CohortCell[] = nationalCells(43, cohorts, 2100, 30, (atom, cohort, c) => ({ atom, cohort, ...c }));
    const total = NATION;

    const answer = protectedCohorts(cells);
    expect(answer.leftOut).toBe(false);
    expect(answer.cohorts.map((c) => [c.cohort, c.withheld])).toEqual(cohorts.map((c) => [c, null]));
    expect(answer.cohorts.reduce((sum, c) => sum + (c.n ?? 0), 0)).toBe(total);
    for (const row of answer.cohorts) {
      const mine = cells.filter((c) => c.cohort === row.cohort);
      const sum = (keep: (c: CohortCell) => boolean) => mine.reduce((s, c) => (keep(c) ? s + c.count : s), 0);
      expect(row.n).toBe(sum(() => true));
      expect(row.events).toBe(sum((c) => c.event));
      expect(row.maxTime).toBe(roundToMonth(2097));
      // Every horizon lies within follow-up and rests on hundreds of thousands of households: all shown,
      // each with the households still followed after it.
      expect(row.points.map((p) => p.years)).toEqual([1, 2, 3, 4, 5]);
      for (const p of row.points) {
        expect(p.suppressed).toBe(false);
        expect(p.nRisk).toBe(sum((c) => c.time > p.days));
        expect(p.cumulativeRelapse).toBeGreaterThan(0);
        expect(p.cumulativeRelapse).toBeLessThan(1);
        expect(p.lower).toBeLessThanOrEqual(p.cumulativeRelapse ?? Number.NaN);
        expect(p.upper).toBeGreaterThanOrEqual(p.cumulativeRelapse ?? Number.NaN);
      }
    }
  });
});
