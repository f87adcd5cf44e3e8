import type { UnitRegistry } from '../../geography/registry.js';
import { type AdminUnit, areaOfKind, DISTRICTS_ABOLISHED_ON } from '../../geography/units.js';
import { domainError } from '../../shared/error-codes.js';
import type { ActiveHousehold, ClosedHousehold, HouseholdState } from '../state.js';
import type { Area } from '../values.js';

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
 * Events keep the unit code valid when they happen. A household lives in a commune: the code must be a
 * commune the registry knows (UNKNOWN_UNIT), not a district after 1 July 2025 (DISTRICT_LEVEL_ABOLISHED),
 * and valid on the date (UNIT_NOT_VALID_ON_DATE, naming the unit or units that hold it then).
 * Answers the unit version valid on the date.
 */
export function checkUnitValidOn(code: string, date: string, units: UnitRegistry): AdminUnit {
  if (code.length === 3 && date >= DISTRICTS_ABOLISHED_ON) {
    throw domainError('DISTRICT_LEVEL_ABOLISHED', `districts ended on ${DISTRICTS_ABOLISHED_ON}: ${code}`, {
      unitCode: code,
      date,
      holder: units.unitAsOf(code, date)?.code,
    });
  }
  if (units.versions(code).length === 0) {
    throw domainError('UNKNOWN_UNIT', `no administrative unit has code ${code}`, { unitCode: code });
  }
  const unit = units.find(code, date);
  if (!unit) {
    const successors = units.successorsOn(code, date).map((u) => ({ code: u.code, name: u.name }));
    const first = units.versions(code)[0];
    throw domainError(
      'UNIT_NOT_VALID_ON_DATE',
      `unit ${code} is not valid on ${date}` +
        (successors.length > 0
          ? `: its territory is now ${successors.map((s) => `${s.code} ${s.name}`).join(', ')}`
          : ''),
      { unitCode: code, date, successors, validFrom: first?.validFrom ?? null },
    );
  }
  if (unit.level !== 'commune') {
    throw domainError('UNIT_NOT_A_COMMUNE', `a household lives in a commune, not in ${unit.level} ${code}`, {
      unitCode: code,
      level: unit.level,
    });
  }
  return unit;
}

/** How a household's area was settled: by its commune's kind, stated where the kind sets none, or overridden. */
export type AreaSource = 'unit_kind' | 'stated' | 'override';

/**
 * The area a household's lines are read for: its commune's kind (phường, thị trấn urban; xã rural),
 * unless the case worker states another with a reason. Where the kind sets none (a special zone, a
 * demo unit) the area must be stated.
 */
export function settleArea(
  unit: AdminUnit,
  stated: Area | undefined,
  reason: string | undefined,
): { area: Area; areaSource: AreaSource; areaOverrideReason?: string } {
  const byKind = areaOfKind(unit.kind);
  if (byKind === undefined) {
    if (stated === undefined) {
      throw domainError(
        'AREA_REQUIRED',
        `unit ${unit.code} (${unit.kind ?? 'kind unknown'}) sets no area: state rural or urban`,
        {
          unitCode: unit.code,
          kind: unit.kind ?? null,
        },
      );
    }
    return { area: stated, areaSource: 'stated', ...(reason !== undefined ? { areaOverrideReason: reason } : {}) };
  }
  if (stated === undefined || stated === byKind) return { area: byKind, areaSource: 'unit_kind' };
  if (reason === undefined) {
    throw domainError(
      'AREA_OVERRIDE_NEEDS_REASON',
      `unit ${unit.code} is a ${unit.kind}, so ${byKind}: recording ${stated} needs a reason`,
      { unitCode: unit.code, kind: unit.kind, area: byKind, stated },
    );
  }
  return { area: stated, areaSource: 'override', areaOverrideReason: reason };
}
