import { type BalanceRow, MOVEMENT_COUNTS } from '@benvung/projections';
import { BALANCE_FIELDS, type BalanceField, REGROUPED } from './balance-fields.js';

export type ListName = keyof typeof BALANCE_FIELDS;

/** A list's balance as the answer gives it: one number per field (see BALANCE_FIELDS). */
export type ListFigures = Record<string, number>;

/** Both lists of one row (and group). */
export interface RowBalance {
  poor: ListFigures;
  near_poor: ListFigures;
}

const empty = (): Omit<BalanceRow, 'row' | 'list' | 'group'> => ({
  opening: 0,
  closing: 0,
  regroupedIn: 0,
  regroupedOut: 0,
  counts: Object.fromEntries(MOVEMENT_COUNTS.map((c) => [c, 0])) as BalanceRow['counts'],
});

/** The fields of a list, with the group changes where the grouping has them. */
export const fieldsOf = (list: ListName, regrouped: boolean): readonly BalanceField[] => {
  const fields = BALANCE_FIELDS[list];
  return regrouped ? [...fields.slice(0, -1), ...REGROUPED, ...fields.slice(-1)] : fields;
};

/** A list's figures from its balance row (none: nothing moved, every figure 0). */
export function listFigures(
  list: ListName,
  row: Omit<BalanceRow, 'row' | 'list' | 'group'> | undefined,
  regrouped: boolean,
) {
  const r = row ?? empty();
  const figures: ListFigures = {};
  for (const f of fieldsOf(list, regrouped)) {
    figures[f.key] =
      f.role === 'opening'
        ? r.opening
        : f.role === 'closing'
          ? r.closing
          : f.key === 'regroupedIn'
            ? r.regroupedIn
            : f.key === 'regroupedOut'
              ? r.regroupedOut
              : r.counts[f.column as (typeof MOVEMENT_COUNTS)[number]];
  }
  return figures;
}

/** start − leavers + joiners = end, with the fields of the list (subsets left out: they count in another). */
export function reconciles(list: ListName, figures: ListFigures): boolean {
  let n = 0;
  for (const f of fieldsOf(list, 'regroupedIn' in figures)) {
    const v = figures[f.key] ?? 0;
    if (f.role === 'opening' || f.role === 'join') n += v;
    if (f.role === 'leave') n -= v;
  }
  return n === figures.closing;
}

/** The sum of several rows' figures (a unit's total, a province's). */
export function sumFigures(parts: readonly ListFigures[]): ListFigures {
  const out: ListFigures = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Balance rows by report row and group: `rows.get(row)?.get(group)`. */
export function byRowAndGroup(rows: readonly BalanceRow[], regrouped: boolean): Map<string, Map<string, RowBalance>> {
  const out = new Map<string, Map<string, RowBalance>>();
  for (const r of rows) {
    const groups = out.get(r.row) ?? new Map<string, RowBalance>();
    out.set(r.row, groups);
    const entry = groups.get(r.group) ?? {
      poor: listFigures('poor', undefined, regrouped),
      near_poor: listFigures('near_poor', undefined, regrouped),
    };
    entry[r.list] = listFigures(r.list, r, regrouped);
    groups.set(r.group, entry);
  }
  return out;
}
