import { describe, expect, it } from 'vitest';
import { CONF_TYPES, kaplanMeier, logRank, survivalByGroup } from '../src/index.js';
import { DATASETS, readGolden, readObservations } from './golden.js';

const TOLERANCE = 1e-6;

/** R's NA is null in the golden files; a number must match to 1e-6. */
function expectClose(actual: number | null, expected: number | null, what: string) {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThan(TOLERANCE);
}

describe.each(DATASETS)('%s matches R survival 3.5-3', (name) => {
  const observations = readObservations(name);
  const golden = readGolden(name);

  describe.each(CONF_TYPES)('conf.type = %s', (confType) => {
    const expected = golden.conf_types[confType];
    const fit = survivalByGroup(observations, { confType });

    it('reproduces summary() row by row: n.risk, n.event, survival, std.err, lower, upper', () => {
      const rows = fit.groups.flatMap((g) => g.table.map((row) => ({ group: g.key, ...row })));
      expect(rows).toHaveLength(expected.table.length);
      for (const want of expected.table) {
        const got = rows.find((r) => r.group === want.group && r.time === want.time);
        const at = `${want.group} @ ${want.time}`;
        expect(got, at).toBeDefined();
        if (got === undefined) continue;
        expect(got.nRisk, `${at} n.risk`).toBe(want.n_risk);
        expect(got.nEvent, `${at} n.event`).toBe(want.n_event);
        expectClose(got.survival, want.survival, `${at} survival`);
        expectClose(got.stdErr, want.std_err, `${at} std.err`);
        expectClose(got.lower, want.lower, `${at} lower`);
        expectClose(got.upper, want.upper, `${at} upper`);
      }
    });

    it('reproduces the medians and their confidence limits', () => {
      expect(fit.groups.map((g) => g.key)).toEqual(expected.medians.map((m) => m.group));
      for (const want of expected.medians) {
        const got = fit.groups.find((g) => g.key === want.group);
        expect(got?.n).toBe(want.n);
        expect(got?.events).toBe(want.events);
        expectClose(got?.median ?? null, want.median, `${want.group} median`);
        expectClose(got?.medianLower ?? null, want.lower, `${want.group} median LCL`);
        expectClose(got?.medianUpper ?? null, want.upper, `${want.group} median UCL`);
      }
    });

    it('gives the same curve through kaplanMeier() on each group alone', () => {
      for (const group of fit.groups) {
        const alone = kaplanMeier(
          observations.filter((o) => o.group === group.key),
          { confType },
        );
        const { key: _key, ...curve } = group;
        expect(alone).toEqual(curve);
      }
    });
  });

  it('reproduces survdiff(): chisq, df, p, observed, expected', () => {
    const want = golden.logrank;
    const test = logRank(want.groups.map((key) => ({ key, obs: observations.filter((o) => o.group === key) })));
    expect(test.groups).toEqual(want.groups);
    expectClose(test.chisq, want.chisq, 'chisq');
    expect(test.df).toBe(want.df);
    expectClose(test.p, want.p, 'p');
    // p is small for gehan (4e-5): check it relative to R's as well.
    expect(Math.abs((test.p ?? 0) - want.p) / want.p).toBeLessThan(1e-9);
    want.groups.forEach((group, i) => {
      expectClose(test.observed[i] ?? null, want.observed[i] ?? null, `${group} observed`);
      expectClose(test.expected[i] ?? null, want.expected[i] ?? null, `${group} expected`);
    });
  });
});
