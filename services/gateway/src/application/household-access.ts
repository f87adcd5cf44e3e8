import { decodeHouseholdEnvelope, evolve, type HouseholdState, householdStreamId, initialState } from '@benvung/domain';
import { type RecordedEvent, StreamNotFoundError } from '@benvung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../plugins/problem.js';
import { inScope } from './unit-scope.js';

const notFound = () => new HttpProblem(404, 'HOUSEHOLD_NOT_FOUND', 'Not found', 'no such household');

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
    if (err instanceof StreamNotFoundError) throw notFound();
    throw err;
  }
  const state = events.reduce((s, e) => evolve(s, decodeHouseholdEnvelope(e)), initialState());
  if (state.status === 'unregistered' || !inScope(request.units, state.unitCode, app.geography.covers))
    throw notFound();
  return { events, state };
}
