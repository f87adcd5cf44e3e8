import type { Decider } from '../shared/decider.js';
import type { RoundCommand } from './commands.js';
import { decideRound } from './decide.js';
import type { RoundEvent } from './events.js';
import { evolveRound } from './evolve.js';
import { initialRoundState, type RoundState } from './state.js';

/** A review round as a pure decider, over the shipped reference data (pass a context to `decideRound` otherwise). */
export const reviewRoundDecider: Decider<RoundState, RoundCommand, RoundEvent> = {
  initialState: initialRoundState,
  evolve: evolveRound,
  decide: (command, state) => decideRound(command, state),
};
