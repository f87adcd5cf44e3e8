import type { Decider } from '../shared/decider.js';
import type { HouseholdCommand } from './commands.js';
import { decide } from './decide.js';
import type { HouseholdEvent } from './events.js';
import { type EvolveInput, evolve } from './evolve.js';
import { type HouseholdState, initialState } from './state.js';

export const householdDecider: Decider<HouseholdState, HouseholdCommand, HouseholdEvent> = {
  initialState,
  evolve,
  decide,
};

/** Folds a history into state with the same evolve the write side uses (envelopes keep event ids). */
export function replay(events: Iterable<EvolveInput>): HouseholdState {
  let state = initialState();
  for (const e of events) state = evolve(state, e);
  return state;
}

/** The event stream of one household. */
export const householdStreamId = (householdId: string): string => `household-${householdId}`;
