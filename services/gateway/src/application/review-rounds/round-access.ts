import { type Area, domainError, type OpenRound, type RoundState } from '@benvung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../plugins/problem.js';
import { loadHousehold } from '../household-commands.js';
import { householdNotFound, inScope } from '../unit-scope.js';

/** A round outside the caller's units answers exactly like one that does not exist. */
export const roundNotFound = (roundId: string): HttpProblem =>
  new HttpProblem(404, 'ROUND_NOT_FOUND', 'Not found', `no review round ${roundId}`, { roundId });

/** The round, once it exists and its commune is among the caller's units. */
export function roundInScope(
  app: FastifyInstance,
  request: FastifyRequest,
  roundId: string,
  state: RoundState,
): OpenRound {
  if (state.status === 'none' || !inScope(request.units, state.unitCode, app.geography.covers)) {
    throw roundNotFound(roundId);
  }
  return state;
}

/**
 * The facts of a household a survey proposes a review for, read from its own stream: where it is
 * recorded, its village and area. A household outside the caller's units answers 404 like one that does
 * not exist; a closed one is refused as a review of it would be.
 */
export async function householdForSurvey(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
): Promise<{ unitCode: string; village?: string; area: Area }> {
  const { state } = await loadHousehold(app.deps.store, householdId, app.householdStates);
  if (state.status === 'unregistered' || !inScope(request.units, state.unitCode, app.geography.covers)) {
    throw householdNotFound();
  }
  if (state.status === 'closed') {
    throw domainError('HOUSEHOLD_CLOSED', `household ${householdId} was closed on ${state.closedOn}`, {
      householdId,
      closedOn: state.closedOn,
      closeReason: state.closeReason,
    });
  }
  return {
    unitCode: state.unitCode,
    ...(state.village !== undefined ? { village: state.village } : {}),
    area: state.area,
  };
}
