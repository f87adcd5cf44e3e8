import type { Decider } from '../shared/decider.js';
import { assertNever } from '../shared/exhaustive.js';
import type { UnitFiguresCommand } from './commands.js';
import type { UnitFiguresEvent, UnitFiguresRecorded, UnitTargetSet } from './events.js';

/** What a unit's stream says now: the latest figures per year and the latest target per year, list and kind. */
export interface UnitFiguresState {
  figures: Readonly<Record<number, UnitFiguresRecorded['data']>>;
  targets: Readonly<Record<string, UnitTargetSet['data']>>;
}

export const initialUnitFiguresState = (): UnitFiguresState => ({ figures: {}, targets: {} });

const targetKey = (t: { year: number; list: string; kind: string }) => `${t.year}|${t.list}|${t.kind}`;

export function evolveUnitFigures(state: UnitFiguresState, event: UnitFiguresEvent): UnitFiguresState {
  switch (event.type) {
    case 'UnitFiguresRecorded':
      return { ...state, figures: { ...state.figures, [event.data.year]: event.data } };
    case 'UnitTargetSet':
      return { ...state, targets: { ...state.targets, [targetKey(event.data)]: event.data } };
    default:
      return assertNever(event, 'unit figures event');
  }
}

/**
 * Figures and targets are facts a unit states: the command's schema refuses what cannot be (fewer
 * people than households, one target twice), and nothing here depends on what came before except
 * this: a command that repeats what is recorded decides nothing (a PUT repeated is not an error). A
 * changed figure is recorded again, the earlier one kept in the stream.
 */
export function decideUnitFigures(command: UnitFiguresCommand, state: UnitFiguresState): UnitFiguresEvent[] {
  switch (command.type) {
    case 'RecordUnitFigures': {
      const data: UnitFiguresRecorded['data'] = {
        unitCode: command.unitCode,
        year: command.year,
        households: command.households,
        ...(command.population !== undefined ? { population: command.population } : {}),
        source: command.source,
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
      };
      const known = state.figures[command.year];
      const same =
        known !== undefined &&
        known.households === data.households &&
        known.population === data.population &&
        known.source === data.source;
      return same ? [] : [{ type: 'UnitFiguresRecorded', data }];
    }
    case 'SetUnitTargets': {
      return command.targets.flatMap((t): UnitFiguresEvent[] => {
        const known = state.targets[targetKey({ year: command.year, ...t })];
        // Withdrawing a target never set, or setting one again as it is, changes nothing.
        if ((known?.value ?? null) === t.value && (t.value === null || known?.note === t.note)) return [];
        return [
          {
            type: 'UnitTargetSet',
            data: {
              unitCode: command.unitCode,
              year: command.year,
              list: t.list,
              kind: t.kind,
              value: t.value,
              ...(t.note !== undefined ? { note: t.note } : {}),
            },
          },
        ];
      });
    }
    default:
      return assertNever(command, 'unit figures command');
  }
}

/** A unit's figures and targets as a pure decider. */
export const unitFiguresDecider: Decider<UnitFiguresState, UnitFiguresCommand, UnitFiguresEvent> = {
  initialState: initialUnitFiguresState,
  evolve: evolveUnitFigures,
  decide: decideUnitFigures,
};
