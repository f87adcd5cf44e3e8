import { survivalByGroup } from '../survival/by-group.js';
import { resolveOptions } from '../survival/options.js';
import { checkCount } from '../survival/sample.js';
import type { GroupedObservation, KaplanMeierOptions } from '../survival/types.js';
import { anyWithheld, groupReasons, isPublished, protectCells } from './cells.js';
import { bandedCurve, type ProtectedCurve, withheldCurve } from './life-table.js';
import { MIN_CELL_SIZE } from './suppress.js';

/**
 * Households with the same follow-up, of one atom (the unit they are recorded in) and one group.
 * `count` is a whole number ≥ 0. One observation per household: the caller follows each household
 * from one escape (see the README), so n counts households, never escapes.
 */
export interface SurvivalCell {
  readonly atom: string;
  readonly group: string;
  readonly time: number;
  readonly event: boolean;
  readonly count: number;
}

/** The log-rank test over the curves published in full. */
export interface ProtectedLogRank {
  readonly chisq: number;
  readonly df: number;
  readonly p: number | null;
  /** Groups left out of the test: withheld, or with 1 to 4 relapses. */
  readonly suppressedGroups: readonly string[];
}

/** Survival as an analyst may see it. */
export interface ProtectedSurvival {
  readonly groups: readonly ProtectedCurve[];
  readonly logRank: ProtectedLogRank | null;
  /** Some households (in cells of fewer than 5, or withheld beside them) are left out of every curve. */
  readonly leftOut: boolean;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Kaplan–Meier by group under the publication rules: cells (unit × group) of fewer than 5
 * households are left out, with complementary cells (`protectCells`); each group's curve is built
 * from its published cells only and banded (`bandedCurve`); the log-rank test compares the groups
 * published in full. A group without a published cell is listed, withheld, with its reason.
 */
export function protectedSurvival(
  cells: readonly SurvivalCell[],
  options: KaplanMeierOptions & { readonly threshold?: number } = {},
): ProtectedSurvival {
  const threshold = options.threshold ?? MIN_CELL_SIZE;
  const resolved = resolveOptions(options);
  const households = new Map<string, number>();
  let index = 0;
  for (const c of cells) {
    checkCount(c.count, index++);
    const key = `${c.atom}\u0000${c.group}`;
    households.set(key, (households.get(key) ?? 0) + c.count);
  }
  const decisions = protectCells(
    [...households].map(([key, n]) => {
      const [atom = '', group = ''] = key.split('\u0000');
      return { atom, group, households: n };
    }),
    threshold,
  );
  // One observation per published (group, time, event), counting its households: the estimators
  // weigh each by its count, so memory follows the distinct follow-ups, not the households.
  const merged = new Map<string, { group: string; time: number; event: boolean; count: number }>();
  for (const c of cells) {
    if (c.count === 0 || !isPublished(decisions, c.atom, c.group)) continue;
    const key = `${c.group}\u0000${c.time}\u0000${c.event ? 1 : 0}`;
    const o = merged.get(key);
    if (o) o.count += c.count;
    else merged.set(key, { group: c.group, time: c.time, event: c.event, count: c.count });
  }
  const observations: GroupedObservation[] = [...merged.values()];
  const result = survivalByGroup(observations, options);
  const byGroup = new Map<string, GroupedObservation[]>();
  for (const o of observations) {
    const list = byGroup.get(o.group);
    if (list) list.push(o);
    else byGroup.set(o.group, [o]);
  }
  const curves = new Map<string, ProtectedCurve>();
  for (const g of result.groups) curves.set(g.key, bandedCurve(g.key, g, byGroup.get(g.key) ?? [], threshold));
  const km = { confType: resolved.confType, confLevel: resolved.confLevel };
  for (const [group, reason] of groupReasons(decisions)) {
    if (!curves.has(group)) curves.set(group, withheldCurve(group, reason ?? 'small', km));
  }
  const groups = [...curves.values()].sort((a, b) => byCodePoint(a.key, b.key));
  const tested = groups.filter((g) => g.withheld === null);
  let logRank: ProtectedLogRank | null = null;
  if (groups.length >= 2) {
    const inTest = new Set(tested.map((g) => g.key));
    const test =
      tested.length >= 2
        ? survivalByGroup(
            observations.filter((o) => inTest.has(o.group)),
            options,
          ).logRank
        : null;
    logRank = test
      ? {
          chisq: test.chisq,
          df: test.df,
          p: test.p,
          suppressedGroups: groups.filter((g) => !inTest.has(g.key)).map((g) => g.key),
        }
      : null;
  }
  return { groups, logRank, leftOut: anyWithheld(decisions) };
}
