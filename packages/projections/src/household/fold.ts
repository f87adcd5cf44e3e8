import {
  type Area,
  evolve,
  type HouseholdEvent,
  type HouseholdState,
  initialState,
  isCorrection,
  type LogEntry,
  type SupportKind,
} from '@benvung/domain';
import { supportActionOf } from './support-action.js';

/** A support action that starts support (a grant, an enrolment, one-off support) and still counts. */
export interface SupportFact {
  eventId: string | undefined;
  kind: SupportKind;
  on: string;
  amountVnd: number;
}

/** Where the household was recorded from a date on: its registration, then each counting move. */
export interface Place {
  on: string;
  unitCode: string;
  area: Area;
}

/** The unable-to-escape flag set (or cleared) from a date on: reports count it as it stood at a year's end. */
export interface FlagChange {
  on: string;
  set: boolean;
}

/**
 * A household as the projection folds it: the domain's state (the write side's own `evolve`, so voids
 * and amendments re-derive everything the way the write side does) plus facts the domain state does
 * not keep and the read models need — when each support happened, where the household was recorded
 * over time, and when its unable-to-escape flag was set and cleared (the state keeps only the current
 * flag). All are re-derived from the log after a correction, like the state.
 */
export interface HouseholdFold {
  readonly state: HouseholdState;
  readonly supports: readonly SupportFact[];
  readonly places: readonly Place[];
  readonly flags: readonly FlagChange[];
}

/** A household not registered (yet). */
export const emptyFold = (): HouseholdFold => ({ state: initialState(), supports: [], places: [], flags: [] });

function supportFact(event: HouseholdEvent, eventId: string | undefined): SupportFact | undefined {
  const action = supportActionOf(event);
  if (!action?.startsSupport) return undefined;
  return { eventId, kind: action.kind, on: action.occurredOn, amountVnd: action.amountVnd ?? 0 };
}

function placeOf(event: HouseholdEvent, registered: boolean): Place | undefined {
  if (event.type === 'HouseholdRegistered' && !registered) {
    return { on: event.data.registeredOn, unitCode: event.data.unitCode, area: event.data.area };
  }
  if (event.type === 'HouseholdMoved' && registered) {
    return { on: event.data.occurredOn, unitCode: event.data.toUnitCode, area: event.data.area };
  }
  return undefined;
}

function flagOf(event: HouseholdEvent): FlagChange | undefined {
  if (event.type === 'UnableToEscapeFlagSet') return { on: event.data.occurredOn, set: true };
  if (event.type === 'UnableToEscapeFlagCleared') return { on: event.data.occurredOn, set: false };
  return undefined;
}

/** Supports, places and flag changes from the entries of a log that still count, in stream order. */
function factsFromLog(log: readonly LogEntry[]): Pick<HouseholdFold, 'supports' | 'places' | 'flags'> {
  const supports: SupportFact[] = [];
  const places: Place[] = [];
  const flags: FlagChange[] = [];
  for (const entry of log) {
    if (entry.voided || isCorrection(entry.event)) continue;
    const fact = supportFact(entry.event, entry.eventId);
    if (fact) supports.push(fact);
    const place = placeOf(entry.event, places.length > 0);
    if (place) places.push(place);
    const flag = flagOf(entry.event);
    if (flag) flags.push(flag);
  }
  return { supports, places, flags };
}

/**
 * Applies one event at its stream version. A correction needs the household's whole log in
 * `fold.state.log` (the caller loads it): it re-derives the state, supports and places from it.
 */
export function foldEvent(fold: HouseholdFold, eventId: string, event: HouseholdEvent, version: number): HouseholdFold {
  let state = fold.state;
  // The stream version, not a count of the events applied: an event that went to the dead letters leaves a gap.
  if (state.status !== 'unregistered' && state.version !== version - 1) state = { ...state, version: version - 1 };
  const next = evolve(state, { eventId, event });
  if (next.status === 'unregistered') return fold;
  if (isCorrection(event)) return { state: next, ...factsFromLog(next.log) };
  const fact = supportFact(event, eventId);
  const place = placeOf(event, fold.state.status !== 'unregistered');
  const flag = flagOf(event);
  return {
    state: next,
    supports: fact ? [...fold.supports, fact] : fold.supports,
    places: place ? [...fold.places, place] : fold.places,
    flags: flag ? [...fold.flags, flag] : fold.flags,
  };
}

/** The fold without its log, as memory keeps it between batches (a log is read again from the stream when needed). */
export function withoutLog(fold: HouseholdFold): HouseholdFold {
  return fold.state.status === 'unregistered' ? fold : { ...fold, state: { ...fold.state, log: [] } };
}
