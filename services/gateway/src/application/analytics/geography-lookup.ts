import { defaultUnitRegistry, type UnitRegistry } from '@benvung/domain';

/**
 * The province holding a unit's territory on a date (old codes roll up through the crosswalk);
 * unknown codes stand for themselves. Memoised: analytics asks the same few hundred units over and over.
 */
export function provinceLookup(
  registry: UnitRegistry = defaultUnitRegistry,
): (unitCode: string, date: string) => string {
  const cache = new Map<string, string>();
  return (unitCode, date) => {
    const key = `${unitCode}@${date}`;
    let province = cache.get(key);
    if (province === undefined) {
      const unit = registry.unitAsOf(unitCode, date);
      province = !unit
        ? unitCode
        : unit.level === 'province'
          ? unit.code
          : (registry.ancestors(unit, date).find((a) => a.level === 'province')?.code ?? unit.code);
      cache.set(key, province);
    }
    return province;
  };
}
