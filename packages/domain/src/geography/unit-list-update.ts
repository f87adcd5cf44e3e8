import { addDays } from '../shared/dates.js';
import type { CsvProblem } from './csv.js';
import type { AdminUnit, CrosswalkEntry, UnitData } from './units.js';

/** What a newer unit list changes, effective from a date. */
export interface UnitListChanges {
  added: string[];
  /** Renamed, re-parented or re-typed: a new version from the date, the old one ends the day before. */
  changed: string[];
  /** In force before and absent from the list: they end the day before. */
  abolished: string[];
  unchanged: number;
}

const same = (a: AdminUnit, b: AdminUnit) => a.name === b.name && a.kind === b.kind && a.parentCode === b.parentCode;

/**
 * Applies a newer list of units (complete for the levels it holds) from `effectiveOn`, keeping every
 * previous version: a unit that changed gets a new version from that date and its old one ends the
 * day before; a unit in force at those levels but absent from the list ends the day before; an
 * identical unit stays as it is. `crosswalk` names where abolished or changed units went. Pure; the
 * problems are returned, and when there are any the data is unchanged.
 */
export function applyUnitList(
  base: UnitData,
  list: readonly AdminUnit[],
  effectiveOn: string,
  crosswalk: readonly CrosswalkEntry[] = [],
): { data: UnitData; changes: UnitListChanges; problems: CsvProblem[] } {
  const dayBefore = addDays(effectiveOn, -1);
  const levels = new Set(list.map((u) => u.level));
  const inForce = new Map<string, AdminUnit>();
  for (const u of base.units) {
    if ((u.validFrom ?? '0000-01-01') <= dayBefore && (u.validTo === undefined || u.validTo >= dayBefore))
      inForce.set(u.code, u);
  }
  const problems: CsvProblem[] = [];
  const later = base.units.filter((u) => u.validFrom !== undefined && u.validFrom >= effectiveOn);
  for (const u of later) {
    problems.push({
      line: 0,
      column: 'effective',
      message: `${u.code} already has a version from ${u.validFrom}: a list can only change what comes after the last change`,
    });
  }
  const listed = new Map(list.map((u) => [u.code, u]));
  const knownOn = (code: string) =>
    listed.has(code) || (inForce.has(code) && !levels.has(inForce.get(code)?.level ?? 'commune'));
  list.forEach((u, i) => {
    if (u.parentCode !== undefined && !knownOn(u.parentCode)) {
      problems.push({
        line: i + 2,
        column: 'parent_code',
        message: `parent ${u.parentCode} of ${u.code} is neither in the list nor in force on ${effectiveOn}`,
      });
    }
  });
  for (const row of crosswalk) {
    if (!base.units.some((u) => u.code === row.fromCode))
      problems.push({ line: 0, column: 'old_code', message: `crosswalk names an unknown unit ${row.fromCode}` });
    if (!listed.has(row.toCode) && !inForce.has(row.toCode))
      problems.push({ line: 0, column: 'new_code', message: `crosswalk names an unknown unit ${row.toCode}` });
  }
  const changes: UnitListChanges = { added: [], changed: [], abolished: [], unchanged: 0 };
  if (problems.length > 0) return { data: base, changes, problems };

  const ended = new Set<AdminUnit>();
  const added: AdminUnit[] = [];
  for (const u of list) {
    const current = inForce.get(u.code);
    const next: AdminUnit = { ...u, validFrom: effectiveOn };
    delete next.validTo;
    if (!current) {
      changes.added.push(u.code);
      added.push(next);
    } else if (current.validTo === undefined && same(current, u)) {
      changes.unchanged++;
    } else {
      changes.changed.push(u.code);
      ended.add(current);
      added.push(next);
    }
  }
  for (const [code, u] of inForce) {
    if (levels.has(u.level) && !listed.has(code) && u.validTo === undefined) {
      changes.abolished.push(code);
      ended.add(u);
    }
  }
  const units = base.units.map((u) => (ended.has(u) ? { ...u, validTo: dayBefore } : u));
  const rows = crosswalk.map((r) => ({ ...r, effectiveOn }));
  return { data: { units: [...units, ...added], crosswalk: [...base.crosswalk, ...rows] }, changes, problems };
}
