import { expect } from 'vitest';
import {
  type DecideContext,
  DOMAIN_ERROR_CODES,
  DomainError,
  type DomainErrorCode,
  decide,
  type EvolveInput,
  evolve,
  type HouseholdCommand,
  type HouseholdEvent,
  type HouseholdState,
  replay,
} from '../../src/index.js';

/** What `when` leads to: the events a command decides, or the error it throws. */
export interface Outcome {
  /** Asserts exactly these events and returns the state after them. */
  then(expected: HouseholdEvent[]): HouseholdState;
  /** Asserts events matching these partial shapes (for events with long derived fields). */
  thenMatch(expected: unknown[]): HouseholdState;
  /** Asserts a DomainError with this code (and the kind the catalogue gives it). */
  thenThrows(code: DomainErrorCode): DomainError;
}

/**
 * Decider specification in the emmett style: `given(history).when(command).then(events)`. The history
 * is replayed with the production evolve; envelopes keep event ids so corrections can target them.
 */
export function given(history: readonly EvolveInput[] = [], context?: DecideContext) {
  const state = replay(history);
  return {
    state,
    when(command: HouseholdCommand): Outcome {
      const run = () => decide(command, state, context);
      return {
        // biome-ignore lint/suspicious/noThenProperty: the given/when/then vocabulary of decider specs; never awaited
        then(expected) {
          const events = run();
          expect(events).toEqual(expected);
          return events.reduce(evolve, state);
        },
        thenMatch(expected) {
          const events = run();
          expect(events).toMatchObject(expected);
          expect(events).toHaveLength(expected.length);
          return events.reduce(evolve, state);
        },
        thenThrows(code) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected ${code}`).toBeInstanceOf(DomainError);
          const error = thrown as DomainError;
          expect(error.code).toBe(code);
          expect(error.kind).toBe(DOMAIN_ERROR_CODES[code]);
          return error;
        },
      };
    },
  };
}
