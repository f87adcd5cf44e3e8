import { decodeHouseholdEnvelope, evolve, type HouseholdState, householdStreamId, initialState } from '@benvung/domain';
import { type RecordedEvent, StreamNotFoundError } from '@benvung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadHousehold } from './household-commands.js';
import { householdNotFound, inScope } from './unit-scope.js';

export interface LoadedHousehold {
  events: RecordedEvent[];
  state: HouseholdState;
}

/**
 * Reads a household's whole stream and replays it with the write side's evolve; a household outside
 * the caller's units answers 404 exactly like one that does not exist.
 */
export async function loadHouseholdInScope(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
): Promise<LoadedHousehold> {
  let events: RecordedEvent[];
  try {
    events = await app.deps.store.readStream(householdStreamId(householdId));
  } catch (err) {
    if (err instanceof StreamNotFoundError) throw householdNotFound();
    throw err;
  }
  const state = events.reduce((s, e) => evolve(s, decodeHouseholdEnvelope(e)), initialState());
  if (state.status === 'unregistered' || !inScope(request.units, state.unitCode, app.geography.covers))
    throw householdNotFound();
  return { events, state };
}

/**
 * The scope check alone, for routes that read the stream their own way (verify): decided on the
 * cached decider state plus the events since, not on a second full read of the stream.
 */
export async function assertHouseholdInScope(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
): Promise<void> {
  const { state } = await loadHousehold(app.deps.store, householdId, app.householdStates);
  if (state.status === 'unregistered' || !inScope(request.units, state.unitCode, app.geography.covers)) {
    throw householdNotFound();
  }
}
