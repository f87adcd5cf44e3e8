import type { UnitRegistry } from '../../geography/registry.js';
import { DISTRICTS_ABOLISHED_ON } from '../../geography/units.js';
import { domainError } from '../../shared/error-codes.js';
import type { ActiveHousehold, ClosedHousehold, HouseholdState } from '../state.js';

/** The household must exist and be the one the command names. */
export function requireRegistered(state: HouseholdState, householdId: string): ActiveHousehold | ClosedHousehold {
  if (state.status === 'unregistered') {
    throw domainError('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  }
  if (state.householdId !== householdId) {
    throw domainError(
      'HOUSEHOLD_ID_MISMATCH',
      `the command is for ${householdId}, the state for ${state.householdId}`,
      {
        householdId,
        stateHouseholdId: state.householdId,
      },
    );
  }
  return state;
}

/** Nothing happens to an unregistered or closed household. */
export function requireActive(state: HouseholdState, householdId: string): ActiveHousehold {
  const household = requireRegistered(state, householdId);
  if (household.status === 'closed') {
    throw domainError('HOUSEHOLD_CLOSED', `household ${householdId} was closed on ${household.closedOn}`, {
      householdId,
      closedOn: household.closedOn,
      closeReason: household.closeReason,
    });
  }
  return household;
}

/** A whole, positive amount not above `max`. */
export function checkAmount(field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw domainError('AMOUNT_OUT_OF_RANGE', `${field} must be a whole amount in 1–${max}: ${value}`, {
      field,
      value,
      max,
    });
  }
}

/** Like checkAmount, for an optional field. */
export function checkOptionalAmount(field: string, value: number | undefined, max: number): void {
  if (value !== undefined) checkAmount(field, value, max);
}

/** A count in 1–max. */
export function checkCount(field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw domainError('COUNT_OUT_OF_RANGE', `${field} must be a whole number in 1–${max}: ${value}`, {
      field,
      value,
      max,
    });
  }
}

/** A later date must not precede the start of what it follows up. */
export function checkNotBefore(field: string, date: string, start: string): void {
  if (date < start) {
    throw domainError('DATE_BEFORE_START', `${field} ${date} is before ${start}`, { field, date, start });
  }
}

/**
 * Events keep the unit code valid when they happen: a district code after 1 July 2025 or a known code
 * outside its validity is refused (with the unit that holds it then). Unknown codes pass: the shipped
 * registry holds provinces and demo communes only.
 */
export function checkUnitValidOn(code: string, date: string, units: UnitRegistry): void {
  if (code.length === 3 && date >= DISTRICTS_ABOLISHED_ON) {
    throw domainError('DISTRICT_LEVEL_ABOLISHED', `districts ended on ${DISTRICTS_ABOLISHED_ON}: ${code}`, {
      unitCode: code,
      date,
      holder: units.unitAsOf(code, date)?.code,
    });
  }
  if (units.versions(code).length > 0 && !units.find(code, date)) {
    throw domainError('UNIT_NOT_VALID_AT_DATE', `unit ${code} is not valid on ${date}`, {
      unitCode: code,
      date,
      holder: units.unitAsOf(code, date)?.code,
    });
  }
}
