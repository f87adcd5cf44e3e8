import { describe, expect, it } from 'vitest';
import { daysBetween, type FlowEpisode, unitYearFlows } from '../src/index.js';

const ep = (
  household: string,
  escapedOn: string,
  endedOn: string | null,
  relapsed: boolean,
  unitCode = 'U1',
): FlowEpisode => ({
  household,
  unitCode,
  escapedOn,
  endedOn,
  relapsed,
});

describe('unitYearFlows', () => {
  const episodes = [
    ep('a', '2020-03-01', '2021-06-01', true), // at risk 1 Jan 2021, relapses in 2021
    ep('b', '2020-05-01', null, false), // at risk from 2021 on
    ep('c', '2021-02-01', '2021-11-30', true), // escapes and relapses within 2021: not in the hazard
    ep('d', '2020-07-01', '2021-01-01', false), // closed on 1 Jan 2021: still at risk at its start
    ep('e', '2021-01-01', '2022-01-01', true, 'U2'), // relapse on 1 Jan 2022: at risk at the start of 2022
  ];
  // The counts come from the read model (unit_year_stats); the episodes give who is at risk.
  const counts = [
    { unitCode: 'U1', year: 2020, escaped: 3, relapsed: 0, newlyPoor: 0 },
    { unitCode: 'U1', year: 2021, escaped: 1, relapsed: 2, newlyPoor: 1 },
    { unitCode: 'U2', year: 2021, escaped: 1, relapsed: 0, newlyPoor: 0 },
    { unitCode: 'U2', year: 2022, escaped: 0, relapsed: 1, newlyPoor: 0 },
  ];
  const rows = unitYearFlows({ episodes, counts });
  const row = (unit: string, year: number) => rows.find((r) => r.unitCode === unit && r.year === year);

  it('reports every unit for every year from the first to the last record', () => {
    expect(rows.map((r) => `${r.unitCode}/${r.year}`)).toEqual([
      'U1/2020',
      'U1/2021',
      'U1/2022',
      'U2/2020',
      'U2/2021',
      'U2/2022',
    ]);
  });

  it('reports the counts as given, with relapses per escape', () => {
    expect(row('U1', 2020)).toMatchObject({
      escaped: 3,
      relapsed: 0,
      newlyPoor: 0,
      relapsedPerEscaped: 0,
      atRiskStart: 0,
      hazard: null,
    });
    expect(row('U1', 2021)).toMatchObject({ escaped: 1, relapsed: 2, newlyPoor: 1, relapsedPerEscaped: 2 });
  });

  it('divides relapses among those at risk on 1 January by those at risk on 1 January', () => {
    // a, b, d at risk; only a relapses (c escaped during the year).
    expect(row('U1', 2021)).toMatchObject({ atRiskStart: 3, relapsedFromAtRisk: 1, hazard: 1 / 3 });
    // open episode b stays at risk until the last year reported
    expect(row('U1', 2022)).toMatchObject({ atRiskStart: 1, relapsedFromAtRisk: 0, hazard: 0 });
    expect(row('U2', 2022)).toMatchObject({ atRiskStart: 1, relapsedFromAtRisk: 1, hazard: 1, relapsed: 1 });
  });

  it('counts a household at risk once, however many episodes it has open', () => {
    const twice = unitYearFlows(
      {
        episodes: [
          ep('a', '2019-01-01', '2019-05-01', true),
          ep('a', '2019-08-01', null, false),
          ep('a', '2019-09-01', null, false),
        ],
      },
      { years: [2019, 2020] },
    );
    expect(twice.find((r) => r.year === 2020)).toMatchObject({ atRiskStart: 1, escaped: 0, relapsed: 0 });
  });

  it('honours an explicit list of years', () => {
    expect(unitYearFlows({ episodes, counts }, { years: [2021] }).map((r) => r.year)).toEqual([2021, 2021]);
  });

  it('rejects malformed dates and episodes ending before they start', () => {
    expect(() => unitYearFlows({ episodes: [ep('a', '2020-02-30', null, false)] })).toThrow(/ISO date/);
    expect(() => unitYearFlows({ episodes: [ep('a', '2020-02-03', '2020-01-01', true)] })).toThrowError(
      expect.objectContaining({ code: 'ANALYTICS_INVALID_DATE' }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days across leap years', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-01-01', '2022-01-01')).toBe(365);
    expect(daysBetween('2022-01-01', '2021-01-01')).toBe(-365);
  });
});
