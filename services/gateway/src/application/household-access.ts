import { householdStreamId } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadHousehold } from './household-commands.js';
import { householdNotFound, inScope } from './unit-scope.js';

/**
 * The scope check: decided on the cached decider state plus the events since (one short read), so a
 * household outside the caller's units answers 404 exactly like one that does not exist. Returns the
 * household's current version.
 */
export async function assertHouseholdInScope(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
): Promise<number> {
  const { state, version } = await loadHousehold(app.deps.store, householdId, app.householdStates);
  if (state.status === 'unregistered' || !inScope(request.units, state.unitCode, app.geography.covers)) {
    throw householdNotFound();
  }
  return version;
}

/** The household's whole stream, as stored, once the caller may see it (auditors replay from it). */
export async function loadHouseholdInScope(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
): Promise<{ events: RecordedEvent[] }> {
  await assertHouseholdInScope(app, request, householdId);
  return { events: await app.deps.store.readStream(householdStreamId(householdId)) };
}
