import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnalyticsInputError,
  bandedCurve,
  CONF_TYPES,
  type CohortEpisode,
  cumulativeRelapseByCohort,
  type GroupedObservation,
  type KaplanMeierOptions,
  kaplanMeier,
  logRank,
  mergeIntervals,
  protectedSurvival,
  type SurvivalCell,
  type SurvivalObservation,
  survivalByGroup,
} from '../src/index.js';
import { anyWithheld, groupReasons, isPublished, protectCells } from '../src/privacy/cells.js';
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
    }
  });
});

describe('protectedSurvival on a national count', () => {
  it('takes cells of 5,000,000 households without one object per household', () => {
    const next = random(42);
    const groups = ['cash', 'credit', 'housing'];
    const cells: SurvivalCell[] = [];
    let total = 0;
    // 60 units × 3 groups × about 1,100 distinct follow-ups, every cell large enough to publish.
    for (let u = 0; u < 60; u++) {
      for (const group of groups) {
        for (let time = 0; time < 1800; time += 3) {
          const event = next() < 0.4;
          const count = 40 + Math.floor(next() * 10);
          cells.push({ atom: `U${u}`, group, time, event, count });
          total += count;
        }
      }
    }
    // Top the last cell up so the total is exactly five million.
    const last = cells.pop();
    if (last === undefined) throw new Error('no cells');
    cells.push({ ...last, count: last.count + 5_000_000 - total });
    total = 5_000_000;

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
