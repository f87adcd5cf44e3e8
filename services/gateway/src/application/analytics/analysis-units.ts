import type { GatewayGeography } from '../geography.js';
import { inScope, unitOutOfScope } from '../unit-scope.js';

/**
 * The unit codes an analysis covers: the caller's units (none: national), narrowed to `unitCode`,
 * each expanded to every code (old ones included) it covers on `date`. A unit outside the caller's
 * units is refused. Undefined means no restriction.
 */
export function analysisUnits(
  geography: GatewayGeography,
  callerUnits: readonly string[],
  unitCode: string | undefined,
  date: string,
): string[] | undefined {
  if (unitCode && callerUnits.length > 0 && !inScope(callerUnits, unitCode, geography.covers)) {
    throw unitOutOfScope(unitCode);
  }
  const roots = unitCode ? [unitCode] : callerUnits;
  return roots.length > 0 ? [...new Set(roots.flatMap((s) => geography.expandOn(s, date)))] : undefined;
}
