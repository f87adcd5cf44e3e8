import { describe, expect, it } from 'vitest';
import { AnalyticsInputError, kaplanMeier, type SurvivalObservation } from '../src/index.js';

const events = (...times: number[]): SurvivalObservation[] => times.map((time) => ({ time, event: true }));
const censored = (...times: number[]): SurvivalObservation[] => times.map((time) => ({ time, event: false }));

describe('kaplanMeier', () => {
  it('reports nothing for an empty sample', () => {
    expect(kaplanMeier([])).toMatchObject({ n: 0, events: 0, maxTime: null, table: [], median: null });
  });

  it('has no rows and no median when everything is censored', () => {
    const fit = kaplanMeier(censored(3, 5, 8));
    expect(fit.table).toEqual([]);
    expect(fit.median).toBeNull();
    expect(fit.maxTime).toBe(8);
  });

  it('counts ties and censorings at an event time (censored at t still at risk at t)', () => {
    const fit = kaplanMeier([...events(2, 2, 5), ...censored(2, 4)]);
    expect(fit.table.map(({ time, nRisk, nEvent, nCensor }) => ({ time, nRisk, nEvent, nCensor }))).toEqual([
      { time: 2, nRisk: 5, nEvent: 2, nCensor: 1 },
      { time: 5, nRisk: 1, nEvent: 1, nCensor: 0 },
    ]);
    expect(fit.table[0]?.survival).toBeCloseTo(0.6, 15);
    expect(fit.table[1]?.survival).toBe(0);
  });

  it('keeps censor-only times with includeCensored, as the survfit object does', () => {
    const fit = kaplanMeier([...events(2, 5), ...censored(3)], { includeCensored: true });
    expect(fit.table.map((r) => [r.time, r.nEvent, r.nCensor])).toEqual([
      [2, 1, 0],
      [3, 0, 1],
      [5, 1, 0],
    ]);
    expect(fit.table[1]?.survival).toBe(fit.table[0]?.survival);
  });

  it('gives NA (null) standard error and limits once S reaches 0, for every interval type', () => {
    for (const confType of ['log', 'log-log', 'plain'] as const) {
      const last = kaplanMeier(events(1, 2), { confType }).table.at(-1);
      expect(last).toMatchObject({ survival: 0, stdErr: null, lower: null, upper: null });
    }
  });

  describe('median by R rules', () => {
    it('takes the midpoint where the curve sits exactly at 0.5', () => {
      // S = .75, .5, .25, 0: survfit(Surv(1:4) ~ 1) prints median 2.5.
      expect(kaplanMeier(events(1, 2, 3, 4)).median).toBe(2.5);
    });

    it('treats 0.5 + rounding error as 0.5 (survfit(Surv(1:100) ~ 1) gives 50.5)', () => {
      const fit = kaplanMeier(events(...Array.from({ length: 100 }, (_, i) => i + 1)));
      const at50 = fit.table.find((r) => r.time === 50)?.survival ?? 0;
      expect(at50).not.toBe(0.5); // the product of 50 ratios is 0.5 + 1.1e-16
      expect(fit.median).toBe(50.5);
    });

    it('takes the time itself when the curve stays at 0.5 until the end', () => {
      expect(kaplanMeier([...events(1, 2), ...censored(3, 4)]).median).toBe(2);
    });

    it('is the first time below 0.5 otherwise, and null when never reached', () => {
      expect(kaplanMeier(events(1, 2, 3)).median).toBe(2);
      expect(kaplanMeier([...events(1), ...censored(2, 3, 4)]).median).toBeNull();
    });
  });

  it('narrows the interval with a lower confidence level', () => {
    const sample = [...events(1, 3, 4, 7, 9), ...censored(2, 5, 8)];
    const wide = kaplanMeier(sample, { confLevel: 0.99 }).table[2];
    const narrow = kaplanMeier(sample, { confLevel: 0.8 }).table[2];
    expect(narrow?.lower ?? 0).toBeGreaterThan(wide?.lower ?? 0);
    expect(narrow?.survival).toBe(wide?.survival);
  });

  it('rejects impossible times and options with a coded error', () => {
    expect(() => kaplanMeier(events(-1))).toThrow(AnalyticsInputError);
    expect(() => kaplanMeier(events(Number.NaN))).toThrow(/finite/);
    expect(() => kaplanMeier(events(1), { confLevel: 1 })).toThrowError(
      expect.objectContaining({ code: 'ANALYTICS_INVALID_OPTION' }),
    );
  });
});
