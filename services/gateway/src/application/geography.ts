import { defaultUnitRegistry, type UnitRegistry } from '@benvung/domain';
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
  const cache = new Map<string, readonly string[]>();
  const allCodes = [...new Set(registry.units.map((u) => u.code))];
  return {
    covers: (scope, unitCode) => registry.unitCovers(scope, unitCode),
    expand(scope) {
      let codes = cache.get(scope);
      if (!codes) {
        codes = [scope, ...allCodes.filter((code) => code !== scope && registry.unitCovers(scope, code))];
        cache.set(scope, codes);
      }
      return codes;
    },
    expandOn(scope, date) {
      return [scope, ...allCodes.filter((code) => code !== scope && registry.unitCovers(scope, code, date))];
    },
  };
}
