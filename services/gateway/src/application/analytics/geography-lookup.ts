import { defaultUnitRegistry, type UnitRegistry } from '@benvung/domain';
import { boundedMemo } from '../bounded-memo.js';

/**
 * The province holding a unit's territory on a date (old codes roll up through the crosswalk);
 * unknown codes stand for themselves. Memoised (bounded: the date is the analyst's): analytics asks the same few hundred units over and over.
 */
export function provinceLookup(
  registry: UnitRegistry = defaultUnitRegistry,
): (unitCode: string, date: string) => string {
  const province = boundedMemo(50_000, (key) => {
    const [unitCode = '', date = ''] = key.split('@');
    const unit = registry.unitAsOf(unitCode, date);
    if (!unit) return unitCode;
    if (unit.level === 'province') return unit.code;
    return registry.ancestors(unit, date).find((a) => a.level === 'province')?.code ?? unit.code;
  });
  return (unitCode, date) => province(`${unitCode}@${date}`);
}
