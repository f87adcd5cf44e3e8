import { DEMO_CROSSWALK, DEMO_UNITS } from './data/demo-communes.js';
import { PROVINCE_CROSSWALK, PROVINCE_UNITS } from './data/provinces.js';
import { createUnitRegistry, type UnitRegistry } from './registry.js';
import type { AdminUnit } from './units.js';

/** The shipped registry: all provinces before and after the 2025 merger, plus the demo units. */
export const defaultUnitRegistry: UnitRegistry = createUnitRegistry({
  units: [...PROVINCE_UNITS, ...DEMO_UNITS],
  crosswalk: [...PROVINCE_CROSSWALK, ...DEMO_CROSSWALK],
});

/** `registry.unitAsOf`: the unit holding an (old) code's territory on a date. */
export const unitAsOf = (
  code: string,
  date: string,
  registry: UnitRegistry = defaultUnitRegistry,
): AdminUnit | undefined => registry.unitAsOf(code, date);

/**
 * `registry.unitCovers`: whether a scope code covers a unit code (a province its communes, old codes
 * included). Fits the gateway's `(scope, unitCode) => boolean`.
 */
export const unitCovers = (
  scopeCode: string,
  unitCode: string,
  date?: string,
  registry: UnitRegistry = defaultUnitRegistry,
): boolean => registry.unitCovers(scopeCode, unitCode, date);
