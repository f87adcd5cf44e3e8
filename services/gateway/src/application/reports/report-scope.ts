import { type AdminUnit, addDays, domainError, type UnitRegistry } from '@benvung/domain';
import type { RollupEntry } from '@benvung/projections';
import type { GatewayGeography } from '../geography.js';
import { inScope, unitOutOfScope } from '../unit-scope.js';

/** The level of a report's rows. */
export type ReportLevel = 'province' | 'commune';

/** A row of a report: a unit, or what its communes do not hold (households in split old communes). */
export interface ReportRowUnit {
  /** The unit's code, or `~<code>` for the remainder of a unit. */
  key: string;
  code: string;
  name: string;
  level: AdminUnit['level'];
  /** The households recorded in an old unit whose territory went to several units of the row level. */
  remainder: boolean;
}

/** What a report covers, and how recorded codes roll up to its rows. */
export interface ReportScope {
  /** The units the report is about (one, the caller's, or every province); their sum is the total. */
  roots: AdminUnit[];
  level: ReportLevel;
  rows: ReportRowUnit[];
  rollup: RollupEntry[];
  /** Every code the rollup reads (for corrections and denominators). */
  codes: string[];
}

const FIRST = '0001-01-01';
const LAST = '9999-12-31';
const isValidOn = (u: AdminUnit, date: string) => (u.validFrom ?? FIRST) <= date && (u.validTo ?? LAST) >= date;
const DEPTH: Record<AdminUnit['level'], number> = { province: 0, district: 1, commune: 2 };

/**
 * Each version of a code as the dates it names it over: from its start (the first version: from any
 * date) to the day before the next version starts (the last: to any date).
 */
function versionSpans(registry: UnitRegistry, code: string): Array<{ unit: AdminUnit; from: string; to: string }> {
  const versions = registry.versions(code);
  return versions.map((unit, i) => {
    const next = versions[i + 1]?.validFrom;
    return { unit, from: i === 0 ? FIRST : (unit.validFrom ?? FIRST), to: next ? addDays(next, -1) : LAST };
  });
}

/**
 * Resolves what a report covers: the unit asked for (within the caller's units), else the caller's
 * units, else every province — each as valid on `unitsOn` — and its rows at `level`. Every code
 * recorded anywhere in them rolls up to the unit holding it on `unitsOn`, version by version (a code
 * can name another unit after a reorganisation); a code whose territory went to several units of the
 * row level (a split commune) rolls up to a remainder row of its root, so that rows always add up to
 * the total.
 */
export function reportScope(
  registry: UnitRegistry,
  geography: GatewayGeography,
  q: {
    callerUnits: readonly string[];
    unitCode?: string | undefined;
    level?: ReportLevel | undefined;
    unitsOn: string;
  },
): ReportScope {
  const { callerUnits, unitCode, unitsOn } = q;
  if (unitCode && callerUnits.length > 0 && !inScope(callerUnits, unitCode, geography.covers)) {
    throw unitOutOfScope(unitCode);
  }
  let roots: AdminUnit[];
  if (unitCode) {
    const unit = registry.find(unitCode, unitsOn);
    if (!unit) {
      if (registry.versions(unitCode).length === 0)
        throw domainError('UNKNOWN_UNIT', `no unit has the code ${unitCode}`, { unitCode });
      const successors = registry.successorsOn(unitCode, unitsOn).map((u) => u.code);
      throw domainError('UNIT_NOT_VALID_ON_DATE', `unit ${unitCode} is not valid on ${unitsOn}`, {
        unitCode,
        date: unitsOn,
        successors: successors.join(', '),
      });
    }
    roots = [unit];
  } else if (callerUnits.length > 0) {
    const held = callerUnits.map((c) => registry.find(c, unitsOn) ?? registry.unitAsOf(c, unitsOn));
    roots = held.filter((u, i): u is AdminUnit => u !== undefined && held.findIndex((v) => v?.code === u.code) === i);
  } else {
    roots = registry.units.filter((u) => u.level === 'province' && isValidOn(u, unitsOn));
  }
  roots.sort((a, b) => a.code.localeCompare(b.code));
  const top = Math.min(...roots.map((r) => DEPTH[r.level]));
  const level: ReportLevel = q.level ?? (top === DEPTH.province && roots.length === 1 ? 'commune' : 'province');

  // The rows: each root at or below the level is a row; above it, its units of the level.
  const rowUnits = new Map<string, AdminUnit>();
  const rootOfRow = new Map<string, AdminUnit>();
  for (const root of roots) {
    if (DEPTH[root.level] >= DEPTH[level]) {
      rowUnits.set(root.code, root);
      rootOfRow.set(root.code, root);
      continue;
    }
    for (const u of registry.units) {
      if (u.level !== level || !isValidOn(u, unitsOn)) continue;
      if (registry.ancestors(u, unitsOn).some((a) => a.code === root.code)) {
        rowUnits.set(u.code, u);
        rootOfRow.set(u.code, root);
      }
    }
  }
  const rootCodes = new Set(roots.map((r) => r.code));
  const remainders = new Set<string>();
  const rollup: RollupEntry[] = [];
  const candidates = new Set(roots.flatMap((r) => geography.expandOn(r.code, unitsOn)));
  for (const code of candidates) {
    for (const span of versionSpans(registry, code)) {
      const recordedOn = span.unit.validFrom ?? span.unit.validTo ?? unitsOn;
      const holder = registry.unitAsOf(code, unitsOn, recordedOn);
      if (!holder) continue;
      const chain = [holder, ...registry.ancestors(holder, unitsOn)];
      const root = chain.find((u) => rootCodes.has(u.code));
      if (!root) continue;
      const row = chain.find((u) => rowUnits.has(u.code) && rootOfRow.get(u.code)?.code === root.code);
      const key = row ? row.code : `~${root.code}`;
      if (!row) remainders.add(root.code);
      rollup.push({ code, from: span.from, to: span.to, row: key });
    }
  }
  const rows: ReportRowUnit[] = [...rowUnits.values()].map((u) => ({
    key: u.code,
    code: u.code,
    name: u.name,
    level: u.level,
    remainder: false,
  }));
  for (const code of remainders) {
    const root = roots.find((r) => r.code === code) as AdminUnit;
    rows.push({ key: `~${code}`, code, name: root.name, level: root.level, remainder: true });
  }
  rows.sort((a, b) => a.code.localeCompare(b.code) || Number(a.remainder) - Number(b.remainder));
  return { roots, level, rows, rollup, codes: [...new Set(rollup.map((e) => e.code))] };
}

/** The communes valid on a date under a unit (itself, if a commune): whose figures add up to it. */
export function communesOf(registry: UnitRegistry, unit: AdminUnit, date: string): AdminUnit[] {
  if (unit.level === 'commune') return [unit];
  return registry.units.filter(
    (u) => u.level === 'commune' && isValidOn(u, date) && registry.ancestors(u, date).some((a) => a.code === unit.code),
  );
}
