import { isSmallCount } from '@benvung/analytics';
import type { ListFigures } from './balance-figures.js';

/** A group's figures of one list, and whether they are shown. */
export interface GroupCell {
  group: string;
  figures: ListFigures;
}

/**
 * Which groups of one unit's list to withhold. The unit's totals are public (its list), so its groups
 * add up to a known sum: a group with any figure resting on fewer than the threshold of households is
 * withheld whole (its figures balance, so one figure would follow from the others), and when that
 * leaves a single group withheld beside groups with households, the smallest of them is withheld too —
 * otherwise the total less the groups shown would give it back. Zeros describe no household and count
 * as shown.
 */
export function groupsToWithhold(cells: readonly GroupCell[]): Set<string> {
  const small = (c: GroupCell) => Object.values(c.figures).some((v) => isSmallCount(v));
  const withheld = new Set(cells.filter(small).map((c) => c.group));
  if (withheld.size === 1) {
    const size = (c: GroupCell) => Math.max(c.figures.opening ?? 0, c.figures.closing ?? 0);
    const next = cells
      .filter((c) => !withheld.has(c.group) && Object.values(c.figures).some((v) => v !== 0))
      .sort((a, b) => size(a) - size(b))[0];
    if (next) withheld.add(next.group);
  }
  return withheld;
}

/**
 * Whether a count of households deprived (or of any subset of a public list) must be withheld: it, or
 * the households of the list not in it, are fewer than the threshold.
 */
export const withholdSubset = (count: number, of: number): boolean => isSmallCount(count) || isSmallCount(of - count);
