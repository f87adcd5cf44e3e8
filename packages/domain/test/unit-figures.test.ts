import { describe, expect, it } from 'vitest';
import {
  decodeUnitFiguresEvent,
  RecordUnitFigures,
  SetUnitTargets,
  UNIT_FIGURES_EVENT_SCHEMA_VERSIONS,
  type UnitFiguresCommand,
  type UnitFiguresEvent,
  unitFiguresDecider,
} from '../src/index.js';

/** given(events).when(command) → the events decided. */
const given = (events: UnitFiguresEvent[]) => ({
  when: (command: UnitFiguresCommand) =>
    unitFiguresDecider.decide(command, events.reduce(unitFiguresDecider.evolve, unitFiguresDecider.initialState())),
});

const figures = (households: number, source = 'Niên giám thống kê 2024'): UnitFiguresCommand =>
  RecordUnitFigures.parse({
    type: 'RecordUnitFigures',
    unitCode: '96',
    year: 2024,
    households,
    population: households * 4,
    source,
  });
const recorded = (households: number, source = 'Niên giám thống kê 2024'): UnitFiguresEvent => ({
  type: 'UnitFiguresRecorded',
  data: { unitCode: '96', year: 2024, households, population: households * 4, source },
});

describe('a unit’s figures', () => {
  it('records the households and population of a year', () => {
    expect(given([]).when(figures(227_300))).toEqual([recorded(227_300)]);
  });

  it('records a changed figure again (the earlier stays in the stream), and decides nothing when repeated', () => {
    expect(given([recorded(227_300)]).when(figures(227_310))).toEqual([recorded(227_310)]);
    expect(given([recorded(227_300)]).when(figures(227_300))).toEqual([]);
    expect(given([recorded(227_300)]).when(figures(227_300, 'Quyết định 12/QĐ-UBND'))).toHaveLength(1);
  });

  it('refuses fewer people than households, and a year out of range', () => {
    const base = { type: 'RecordUnitFigures', unitCode: '96', households: 100, source: 'x' };
    expect(RecordUnitFigures.safeParse({ ...base, year: 2024, population: 99 }).success).toBe(false);
    expect(RecordUnitFigures.safeParse({ ...base, year: 1999 }).success).toBe(false);
    expect(RecordUnitFigures.safeParse({ ...base, year: 2024, population: 100 }).success).toBe(true);
  });
});

describe('a unit’s targets', () => {
  const targets = (value: number | null) =>
    SetUnitTargets.parse({
      type: 'SetUnitTargets',
      unitCode: '44',
      year: 2024,
      targets: [
        { list: 'poor', kind: 'rate_reduction_points', value },
        { list: 'near_poor', kind: 'households_reduction', value: 1_295 },
      ],
    });

  it('sets each target of the year, and only those that change', () => {
    const events = given([]).when(targets(0.8));
    expect(events).toEqual([
      {
        type: 'UnitTargetSet',
        data: { unitCode: '44', year: 2024, list: 'poor', kind: 'rate_reduction_points', value: 0.8 },
      },
      {
        type: 'UnitTargetSet',
        data: { unitCode: '44', year: 2024, list: 'near_poor', kind: 'households_reduction', value: 1_295 },
      },
    ]);
    expect(given(events).when(targets(0.8))).toEqual([]);
    expect(given(events).when(targets(null))).toEqual([
      {
        type: 'UnitTargetSet',
        data: { unitCode: '44', year: 2024, list: 'poor', kind: 'rate_reduction_points', value: null },
      },
    ]);
  });

  it('refuses one list and kind twice in a command', () => {
    const twice = { list: 'poor', kind: 'rate_below_percent', value: 5 };
    expect(
      SetUnitTargets.safeParse({ type: 'SetUnitTargets', unitCode: '44', year: 2024, targets: [twice, twice] }).success,
    ).toBe(false);
  });

  it('stores and reads back every event it decides', () => {
    for (const event of [...given([]).when(targets(0.8)), recorded(1)]) {
      expect(UNIT_FIGURES_EVENT_SCHEMA_VERSIONS[event.type]).toBe(1);
      expect(decodeUnitFiguresEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });
});
