import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONF_TYPES, kaplanMeier, logRank, survivalByGroup } from '../src/index.js';

const observation = fc.record({ time: fc.integer({ min: 0, max: 60 }), event: fc.boolean() });
const sample = fc.array(observation, { minLength: 1, maxLength: 80 });
const confType = fc.constantFrom(...CONF_TYPES);

describe('Kaplan–Meier properties', () => {
  it('S is non-increasing and in [0, 1]; limits bracket S; errors are non-negative', () => {
    fc.assert(
      fc.property(sample, confType, (obs, type) => {
        const { table } = kaplanMeier(obs, { confType: type, includeCensored: true });
        let previous = 1;
        for (const row of table) {
          expect(row.survival).toBeLessThanOrEqual(previous);
          expect(row.survival).toBeGreaterThanOrEqual(0);
          previous = row.survival;
          if (row.stdErr !== null) expect(row.stdErr).toBeGreaterThanOrEqual(0);
          if (row.lower !== null && row.upper !== null) {
            expect(row.lower).toBeGreaterThanOrEqual(0);
            expect(row.upper).toBeLessThanOrEqual(1);
            expect(row.lower).toBeLessThanOrEqual(row.survival + 1e-12);
            expect(row.upper).toBeGreaterThanOrEqual(row.survival - 1e-12);
          }
        }
      }),
    );
  });

  it('without censoring, S(t) is the share of times above t', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 80 }), (times) => {
        const { table } = kaplanMeier(times.map((time) => ({ time, event: true })));
        for (const row of table) {
          const empirical = times.filter((t) => t > row.time).length / times.length;
          expect(row.survival).toBeCloseTo(empirical, 12);
        }
      }),
    );
  });

  it('the risk set shrinks by exactly the events and censorings of each time', () => {
    fc.assert(
      fc.property(sample, (obs) => {
        const { table, n } = kaplanMeier(obs, { includeCensored: true });
        let atRisk = n;
        for (const row of table) {
          expect(row.nRisk).toBe(atRisk);
          atRisk -= row.nEvent + row.nCensor;
        }
        expect(atRisk).toBe(0);
      }),
    );
  });

  it('gives the same curve through the counting sort (whole days) and the comparison sort', () => {
    fc.assert(
      fc.property(sample, (obs) => {
        const days = kaplanMeier(obs);
        // Shifted by a quarter day, or scaled past the counting sort's range, times take the other path.
        const shifted = kaplanMeier(obs.map((o) => ({ ...o, time: o.time + 0.25 })));
        expect(shifted.table.map((r) => r.time - 0.25)).toEqual(days.table.map((r) => r.time));
        expect(shifted.table.map((r) => r.survival)).toEqual(days.table.map((r) => r.survival));
        const scaled = kaplanMeier(obs.map((o) => ({ ...o, time: o.time * 1e9 })));
        expect(scaled.table.map((r) => r.stdErr)).toEqual(days.table.map((r) => r.stdErr));
      }),
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(sample, fc.integer(), (obs, seed) => {
        const shuffled = [...obs].sort((a, b) => ((a.time * 7919 + seed) % 13) - ((b.time * 7919 + seed) % 13));
        expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(obs));
      }),
    );
  });
});

describe('log-rank properties', () => {
  const grouped = fc.array(
    fc.record({ group: fc.constantFrom('a', 'b', 'c'), time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }),
    {
      minLength: 2,
      maxLength: 100,
    },
  );

  it('observed and expected events have the same total; chi-square ≥ 0, p in [0, 1]', () => {
    fc.assert(
      fc.property(grouped, (obs) => {
        const test = survivalByGroup(obs).logRank;
        if (test === null) return;
        const o = test.observed.reduce((a, b) => a + b, 0);
        const e = test.expected.reduce((a, b) => a + b, 0);
        expect(e).toBeCloseTo(o, 9);
        expect(test.chisq).toBeGreaterThanOrEqual(-1e-9);
        if (test.p !== null) {
          expect(test.p).toBeGreaterThanOrEqual(0);
          expect(test.p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('with two groups, chi-square is (O − E)² / V of either group', () => {
    fc.assert(
      fc.property(grouped, (obs) => {
        const two = obs.map((o) => ({ ...o, group: o.group === 'a' ? 'a' : 'b' }));
        const test = survivalByGroup(two).logRank;
        if (test === null || test.df !== 1) return;
        const v = test.variance[0]?.[0] ?? 0;
        const d = (test.observed[0] ?? 0) - (test.expected[0] ?? 0);
        expect(test.chisq).toBeCloseTo((d * d) / v, 8);
      }),
    );
  });

  it('logRank on explicit groups equals the grouped variant', () => {
    fc.assert(
      fc.property(grouped, (obs) => {
        const byGroup = survivalByGroup(obs).logRank;
        if (byGroup === null) return;
        const direct = logRank(byGroup.groups.map((key) => ({ key, obs: obs.filter((o) => o.group === key) })));
        expect(direct).toEqual(byGroup);
      }),
    );
  });
});
