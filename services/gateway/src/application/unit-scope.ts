import { HttpProblem } from '../plugins/problem.js';

/**
 * Whether a caller whose token lists `scopes` may act on a household recorded in `unitCode`.
 * `covers(scope, unit)` comes from the geography registry: a province covers its communes, and old
 * codes (before the July 2025 reorganisation) are rolled up to the unit that holds them.
 */
export type UnitCovers = (scope: string, unitCode: string) => boolean;

export function inScope(scopes: readonly string[], unitCode: string, covers: UnitCovers): boolean {
  return scopes.some((scope) => scope === unitCode || covers(scope, unitCode));
}

/** A household outside the caller's units answers exactly like one that does not exist. */
export const householdNotFound = (): HttpProblem =>
  new HttpProblem(404, 'HOUSEHOLD_NOT_FOUND', 'Not found', 'no such household');

/** A unit the caller names outside their units is refused. */
export const unitOutOfScope = (unitCode: string): HttpProblem =>
  new HttpProblem(403, 'UNIT_OUT_OF_SCOPE', 'Not allowed', `unit ${unitCode} is not among your units`, { unitCode });
