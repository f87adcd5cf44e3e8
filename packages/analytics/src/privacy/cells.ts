import { MIN_CELL_SIZE } from './suppress.js';

/**
 * Publication cells: the protection that holds across every request an analyst can make.
 *
 * A request covers a union of *atoms* — the units households are recorded in (any request names
 * whole units, and an old or a new unit, a district or a province, is a union of recorded units) —
 * and splits them into groups. A cell is one atom within one group. A cell of fewer than 5
 * households is withheld from every figure that would include it, the unit's own, its district's,
 * its province's and the country's alike; and when an atom withholds some of its cells, further
 * cells of the same atom are withheld (complementary suppression, smallest first) until what it
 * withholds adds up to 5 households or more. So any two answers — nested units, old and new units,
 * a grouped and an ungrouped answer — differ by whole published cells of 5 households or more, or
 * by withheld sums of 5 or more: never by a small group.
 */

/** Why a figure is withheld. */
export type WithheldReason =
  /** It rests on fewer than 5 households. */
  | 'small'
  /** Withheld so that another withheld figure cannot be worked out from the published ones. */
  | 'complementary'
  /** The group has 5 households or more, but fewer than 5 relapsed (or fewer than 5 did not). */
  | 'few_events';

/** Households of one atom in one group. */
export interface CellCount {
  readonly atom: string;
  readonly group: string;
  readonly households: number;
}

/** `atom` → `group` → null (published) or why it is withheld. */
export type CellDecisions = ReadonlyMap<string, ReadonlyMap<string, WithheldReason | null>>;

/**
 * Decides which cells are published: cells of 1 to `threshold − 1` households are withheld
 * (`small`), then within each atom the smallest published cells (`complementary`) until the
 * atom's withheld households reach `threshold` or nothing is left to withhold.
 */
export function protectCells(cells: readonly CellCount[], threshold = MIN_CELL_SIZE): CellDecisions {
  const byAtom = new Map<string, Map<string, number>>();
  for (const c of cells) {
    if (c.households <= 0) continue;
    let groups = byAtom.get(c.atom);
    if (!groups) {
      groups = new Map();
      byAtom.set(c.atom, groups);
    }
    groups.set(c.group, (groups.get(c.group) ?? 0) + c.households);
  }
  const decisions = new Map<string, Map<string, WithheldReason | null>>();
  for (const [atom, groups] of byAtom) {
    const decided = new Map<string, WithheldReason | null>();
    let withheld = 0;
    for (const [group, n] of groups) {
      const small = n < threshold;
      decided.set(group, small ? 'small' : null);
      if (small) withheld += n;
    }
    // Smallest first (then by key, for a deterministic answer): the least information lost.
    const candidates = [...groups]
      .filter(([group]) => decided.get(group) === null)
      .sort(([ka, a], [kb, b]) => a - b || (ka < kb ? -1 : ka > kb ? 1 : 0));
    for (const [group, n] of candidates) {
      if (withheld === 0 || withheld >= threshold) break;
      decided.set(group, 'complementary');
      withheld += n;
    }
    decisions.set(atom, decided);
  }
  return decisions;
}

/** Whether the cell (`atom`, `group`) is published. */
export function isPublished(decisions: CellDecisions, atom: string, group: string): boolean {
  return decisions.get(atom)?.get(group) === null;
}

/** What a request shows of one group: published when any of its cells is, else the reason. */
export function groupReasons(decisions: CellDecisions): Map<string, WithheldReason | null> {
  const reasons = new Map<string, WithheldReason | null>();
  for (const groups of decisions.values()) {
    for (const [group, reason] of groups) {
      const before = reasons.get(group);
      if (before === null || reason === null) reasons.set(group, null);
      else if (before === undefined || before === 'complementary') reasons.set(group, reason);
    }
  }
  return reasons;
}

/** Whether any cell of the request was left out (its figures then cover fewer households than it has). */
export function anyWithheld(decisions: CellDecisions): boolean {
  for (const groups of decisions.values()) for (const reason of groups.values()) if (reason !== null) return true;
  return false;
}

/**
 * Whether a count may be published beside the total it is part of: 0, or at least `threshold`
 * (a count of 1 to 4 — relapsed, or still followed — points at those few households).
 */
export const publishableCount = (count: number, threshold = MIN_CELL_SIZE): boolean =>
  count === 0 || count >= threshold;
