import { addDays, withinDates } from '../shared/dates.js';
import { domainError } from '../shared/error-codes.js';
import { UnitCode, unitLevel } from './unit-code.js';
import type { AdminUnit, CrosswalkEntry, UnitData } from './units.js';

/** Later than any real date: "as of now" without reading a clock. */
export const LATEST = '9999-12-31';

/** Administrative units through time, with the crosswalk between their versions. Pure and immutable. */
export interface UnitRegistry {
  readonly units: readonly AdminUnit[];
  readonly crosswalk: readonly CrosswalkEntry[];
  /** Every version of a code, oldest first. */
  versions(code: string): readonly AdminUnit[];
  /** The version of a code valid on a date; without a date, its latest version. */
  find(code: string, date?: string): AdminUnit | undefined;
  /**
   * The unit holding `code`'s territory on `date`: the code itself if valid then, else its successor
   * through the crosswalk (the lowest common ancestor of several successors), else its parent's, rolled
   * forward the same way. Undefined for an unknown code or a date before the code existed.
   */
  unitAsOf(code: string, date: string, recordedOn?: string): AdminUnit | undefined;
  /**
   * Every unit holding part of `code`'s territory on `date`: one for a unit merged whole, each
   * successor of a split one (where `unitAsOf` answers their common ancestor). Empty when unknown.
   * `recordedOn`: the date the code was recorded, which picks its version — a code kept across a
   * reorganisation may name a larger unit after it (old 00025 went into 00008, 00025 and 00199).
   */
  successorsOn(code: string, date: string, recordedOn?: string): AdminUnit[];
  /** The units above one, nearest first, as they were while it was valid (or on `date`). */
  ancestors(unit: AdminUnit, date?: string): AdminUnit[];
  /**
   * Whether `scopeCode` (a unit a user may act on) covers `unitCode`: the same code, an ancestor of the
   * unit as recorded, or an ancestor of the unit holding it on `date` (default: the latest date).
   * Unknown codes cover only themselves.
   */
  unitCovers(scopeCode: string, unitCode: string, date?: string): boolean;
}

const isValidOn = (u: AdminUnit, date: string) => withinDates(date, u.validFrom, u.validTo);
const sameVersion = (a: AdminUnit, b: AdminUnit) => a.code === b.code && a.validFrom === b.validFrom;
/** A date inside a version's validity, used to find its parent as it was then. */
const dateWithin = (u: AdminUnit): string | undefined => u.validTo ?? u.validFrom;

function invalid(message: string, details: Record<string, unknown>): never {
  throw domainError('UNIT_REGISTRY_INVALID', message, details);
}

function validate(byCode: Map<string, AdminUnit[]>, crosswalk: readonly CrosswalkEntry[]): void {
  for (const [code, versions] of byCode) {
    if (!UnitCode.safeParse(code).success) invalid(`not a unit code: ${code}`, { unitCode: code });
    for (const v of versions) {
      if (unitLevel(code) !== v.level)
        invalid(`unit ${code} is not a ${v.level} code`, { unitCode: code, level: v.level });
      if (v.validFrom && v.validTo && v.validFrom > v.validTo)
        invalid(`unit ${code} ends before it starts`, { unitCode: code });
      if (v.parentCode !== undefined && !byCode.has(v.parentCode)) {
        invalid(`unit ${code} has an unknown parent ${v.parentCode}`, { unitCode: code, parentCode: v.parentCode });
      }
    }
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1] as AdminUnit;
      const next = versions[i] as AdminUnit;
      if (prev.validTo === undefined || next.validFrom === undefined || next.validFrom <= prev.validTo) {
        invalid(`versions of unit ${code} overlap`, { unitCode: code });
      }
    }
  }
  for (const row of crosswalk) {
    if (!byCode.has(row.fromCode) || !byCode.has(row.toCode)) {
      invalid(`crosswalk row ${row.fromCode} → ${row.toCode} names an unknown unit`, { ...row });
    }
  }
}

/** Builds a registry; throws UNIT_REGISTRY_INVALID for overlapping versions or dangling references. */
export function createUnitRegistry(data: UnitData): UnitRegistry {
  const byCode = new Map<string, AdminUnit[]>();
  for (const unit of data.units) {
    const list = byCode.get(unit.code) ?? [];
    list.push(unit);
    byCode.set(unit.code, list);
  }
  // Open-started versions sort first: validFrom undefined means "since before our records".
  for (const list of byCode.values()) list.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  validate(byCode, data.crosswalk);
  // Rows by old code: a national crosswalk has ten thousand of them, looked up on every roll-forward.
  const rowsFrom = new Map<string, CrosswalkEntry[]>();
  for (const row of data.crosswalk) {
    const rows = rowsFrom.get(row.fromCode);
    if (rows) rows.push(row);
    else rowsFrom.set(row.fromCode, [row]);
  }

  const versions = (code: string): readonly AdminUnit[] => byCode.get(code) ?? [];

  const find = (code: string, date?: string): AdminUnit | undefined => {
    const list = versions(code);
    return date === undefined ? list[list.length - 1] : list.find((v) => isValidOn(v, date));
  };

  /** The version valid on the date, else the last one that ended before it. */
  const findOrBefore = (code: string, date: string | undefined): AdminUnit | undefined =>
    find(code, date) ??
    (date === undefined ? undefined : versions(code).findLast((v) => v.validTo !== undefined && v.validTo < date));

  const parentOf = (unit: AdminUnit, date?: string): AdminUnit | undefined =>
    unit.parentCode === undefined ? undefined : findOrBefore(unit.parentCode, date ?? dateWithin(unit));

  const ancestors = (unit: AdminUnit, date?: string): AdminUnit[] => {
    const chain: AdminUnit[] = [];
    for (let p = parentOf(unit, date); p && chain.length < 10; p = parentOf(p, date)) chain.push(p);
    return chain;
  };

  const lowestCommonAncestor = (units: AdminUnit[], date: string): AdminUnit | undefined => {
    const [first, ...rest] = units.map((u) => [u, ...ancestors(u, date)]);
    return first?.find((candidate) => rest.every((chain) => chain.some((u) => sameVersion(u, candidate))));
  };

  /** The distinct units holding a version's territory on `date`, following every crosswalk row. */
  const holdersOn = (unit: AdminUnit, date: string): AdminUnit[] => {
    if (isValidOn(unit, date)) return [unit];
    if (unit.validTo === undefined || unit.validTo > date) return [];
    const effectiveOn = addDays(unit.validTo, 1);
    const holders = (rowsFrom.get(unit.code) ?? [])
      .filter((row) => row.effectiveOn === effectiveOn)
      .map((row) => find(row.toCode, effectiveOn))
      .filter((u): u is AdminUnit => u !== undefined)
      .flatMap((u) => holdersOn(u, date));
    const distinct = holders.filter((u, i) => holders.findIndex((h) => sameVersion(h, u)) === i);
    if (distinct.length > 0) return distinct;
    const parent = parentOf(unit);
    return parent ? holdersOn(parent, date) : [];
  };

  const rollForward = (unit: AdminUnit, date: string): AdminUnit | undefined => {
    const holders = holdersOn(unit, date);
    return holders.length > 1 ? lowestCommonAncestor(holders, date) : holders[0];
  };

  /** The version a code names: as recorded on `recordedOn` when given, else as on `date` (or before). */
  const startOf = (code: string, date: string, recordedOn: string | undefined) =>
    (recordedOn === undefined ? undefined : findOrBefore(code, recordedOn)) ?? findOrBefore(code, date);

  const successorsOn = (code: string, date: string, recordedOn?: string): AdminUnit[] => {
    const start = startOf(code, date, recordedOn);
    return start ? holdersOn(start, date) : [];
  };

  const unitAsOf = (code: string, date: string, recordedOn?: string): AdminUnit | undefined => {
    const start = startOf(code, date, recordedOn);
    return start ? rollForward(start, date) : undefined;
  };

  const unitCovers = (scopeCode: string, unitCode: string, date?: string): boolean => {
    if (scopeCode === unitCode) return true;
    const recorded = (date === undefined ? undefined : find(unitCode, date)) ?? find(unitCode);
    if (!recorded) return false;
    if (ancestors(recorded).some((u) => u.code === scopeCode)) return true;
    const on = date ?? LATEST;
    const holder = unitAsOf(unitCode, on);
    if (!holder || !find(scopeCode, on)) return false;
    return [holder, ...ancestors(holder, on)].some((u) => u.code === scopeCode);
  };

  return {
    units: data.units,
    crosswalk: data.crosswalk,
    versions,
    find,
    unitAsOf,
    successorsOn,
    ancestors,
    unitCovers,
  };
}

/** A registry with more units and crosswalk rows (e.g. a province's communes loaded from CSV). */
export function extendUnitRegistry(base: UnitRegistry, more: UnitData): UnitRegistry {
  return createUnitRegistry({
    units: [...base.units, ...more.units],
    crosswalk: [...base.crosswalk, ...more.crosswalk],
  });
}
