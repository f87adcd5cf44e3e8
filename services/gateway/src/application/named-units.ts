import type { HouseholdCommand, UnitRegistry } from '@benvung/domain';
import { HttpProblem } from '../plugins/problem.js';
import { inScope, type UnitCovers, unitOutOfScope } from './unit-scope.js';

/**
 * The units a household command names as where the household is (registration) or goes (a move, or
 * an amendment that replaces one): the places a caller decides about, besides the household's own.
 */
export function unitsNamedBy(command: HouseholdCommand): string[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return [command.unitCode];
    case 'MoveHousehold':
      return [command.toUnitCode];
    case 'AmendEvent':
      return unitsNamedBy(command.correction);
    default:
      return [];
  }
}

/** A code no unit list has, in any version: the same answer as the domain's, whatever the caller's units. */
export const unknownUnit = (unitCode: string): HttpProblem =>
  new HttpProblem(422, 'UNKNOWN_UNIT', 'The command was refused', `no administrative unit has code ${unitCode}`, {
    unitCode,
  });

/**
 * Every unit a caller names must exist (else 422 UNKNOWN_UNIT, so a typo reads as one whoever makes
 * it) and be among the caller's units (else 403 UNIT_OUT_OF_SCOPE): a household registered or moved
 * elsewhere would leave the caller's caseload, and nobody may place households outside their own
 * units. Whether the unit is valid on the command's date is the domain's check.
 */
export function assertUnitsNamable(
  codes: readonly string[],
  callerUnits: readonly string[],
  registry: UnitRegistry,
  covers: UnitCovers,
): void {
  for (const code of codes) {
    if (registry.versions(code).length === 0) throw unknownUnit(code);
  }
  for (const code of codes) {
    if (!inScope(callerUnits, code, covers)) throw unitOutOfScope(code);
  }
}
