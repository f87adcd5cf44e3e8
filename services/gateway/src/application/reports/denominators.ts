import type { AdminUnit, UnitRegistry } from '@benvung/domain';
import { figuresAsOf, type ReadModelDatabase, type UnitFigures } from '@benvung/projections';
import type { Kysely } from 'kysely';
import { communesOf } from './report-scope.js';

/** A unit's total households and population in a year, and where they come from. */
export interface Denominator {
  households: number;
  population: number | null;
  /** `entered`: the unit's own figures; `sum_of_units`: its communes' (or the units reported together), every one entered. */
  basis: 'entered' | 'sum_of_units';
}

/** Denominators of units for two years (the report's and the one before), as recorded by a date. */
export interface Denominators {
  of(unitCode: string, year: number): Denominator | null;
}

/**
 * The denominators of `units` for `years`, as recorded before `recordedBefore`: a unit's own figures,
 * else (a unit above communes) the sum of its communes' on `unitsOn` when every one of them has
 * figures — a partial sum would make a rate look lower than it is, so then there is none.
 */
export async function denominators(
  db: Kysely<ReadModelDatabase>,
  registry: UnitRegistry,
  q: { units: readonly AdminUnit[]; years: readonly number[]; unitsOn: string; recordedBefore: Date },
): Promise<Denominators> {
  const communes = new Map(q.units.map((u) => [u.code, communesOf(registry, u, q.unitsOn).map((c) => c.code)]));
  const codes = new Set([...q.units.map((u) => u.code), ...[...communes.values()].flat()]);
  const rows = await figuresAsOf(db, { unitCodes: [...codes], years: q.years, recordedBefore: q.recordedBefore });
  const entered = new Map<string, UnitFigures>(rows.map((r) => [`${r.unitCode}|${r.year}`, r]));
  return {
    of(unitCode, year) {
      const own = entered.get(`${unitCode}|${year}`);
      if (own) return { households: own.households, population: own.population, basis: 'entered' };
      const parts = (communes.get(unitCode) ?? [])
        .filter((c) => c !== unitCode)
        .map((c) => entered.get(`${c}|${year}`));
      if (parts.length === 0 || parts.some((p) => p === undefined)) return null;
      const known = parts as UnitFigures[];
      const population = known.every((p) => p.population !== null)
        ? known.reduce((n, p) => n + (p.population ?? 0), 0)
        : null;
      return { households: known.reduce((n, p) => n + p.households, 0), population, basis: 'sum_of_units' };
    },
  };
}

/** The denominator of several units together: the sum, when every one has one. */
export function sumOf(parts: ReadonlyArray<Denominator | null>): Denominator | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  const known = parts as Denominator[];
  if (known.length === 1) return known[0] as Denominator;
  return {
    households: known.reduce((n, p) => n + p.households, 0),
    population: known.every((p) => p.population !== null) ? known.reduce((n, p) => n + (p.population ?? 0), 0) : null,
    basis: 'sum_of_units',
  };
}
