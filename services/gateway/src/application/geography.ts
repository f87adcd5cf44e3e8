import { defaultUnitRegistry, type UnitRegistry } from '@benvung/domain';
import { boundedMemo } from './bounded-memo.js';
import type { UnitCovers } from './unit-scope.js';

/** Geography as the gateway needs it: coverage checks and the codes a scope stands for. */
export interface GatewayGeography {
  covers: UnitCovers;
  /** Every code (current and old) a scope covers, itself included: for list queries. */
  expand(scope: string): readonly string[];
  /** The same, with old codes rolled up to the units holding them on `date` (analytics). */
  expandOn(scope: string, date: string): readonly string[];
}

export function geographyFrom(registry: UnitRegistry = defaultUnitRegistry): GatewayGeography {
  const allCodes = [...new Set(registry.units.map((u) => u.code))];
  const expansion = boundedMemo(10_000, (key) => {
    // An empty date: coverage in any registry version (old codes included), as `expand` promises.
    const [scope = '', date = ''] = key.split('|');
    return [scope, ...allCodes.filter((code) => code !== scope && registry.unitCovers(scope, code, date || undefined))];
  });
  return {
    covers: (scope, unitCode) => registry.unitCovers(scope, unitCode),
    expand: (scope) => expansion(`${scope}|`),
    expandOn: (scope, date) => expansion(`${scope}|${date}`),
  };
}
