import { KINH } from '@benvung/domain';
import type { NewListMovements } from '../tables/list-movements.js';
import type { FlagChange, HouseholdFold } from './fold.js';
import { placeOn } from './geography.js';
import type { ListMovement, ListName } from './list-movements.js';
import { columnsOf } from './unit-year.js';

/** The group a household counts in while it stays on a list. */
interface Listing {
  unitCode: string;
  area: 'rural' | 'urban';
  unable: boolean;
}

/**
 * Whether the flag stood set at the end of each day it changed, in date order (stable: changes of one
 * day keep their recorded order, the last one stands).
 */
function flagDays(flags: readonly FlagChange[]): Array<{ on: string; set: boolean }> {
  const byDay = new Map<string, boolean>();
  for (const f of [...flags].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) byDay.set(f.on, f.set);
  return [...byDay].map(([on, set]) => ({ on, set }));
}

/**
 * The rows of list_movements for a household: its movements (`listMovements`), each with the column
 * it counts in and the group it counts in, plus `regrouped` pairs where the unable-to-escape flag
 * changed while it stayed on a poor list. A listing takes its area and flag when it starts (the flag
 * as it stood at the end of that day) and keeps them until it ends; a flag change on a later day
 * moves the listing from one group to the other that day. See ListMovementsTable.
 */
export function movementRows(
  householdId: string,
  fold: HouseholdFold,
  movements: readonly ListMovement[],
): NewListMovements[] {
  const h = fold.state;
  if (h.status === 'unregistered') return [];
  const minority = h.headEthnicity === undefined ? null : h.headEthnicity !== KINH;
  const days = flagDays(fold.flags);
  const flagAtEndOf = (date: string): boolean => {
    let set = false;
    for (const d of days) {
      if (d.on > date) break;
      set = d.set;
    }
    return set;
  };
  const rows: NewListMovements[] = [];
  const push = (list: ListName, listing: Listing, on: string, sign: 1 | -1, reason: string, detail: string | null) =>
    rows.push({
      household_id: householdId,
      movement_no: rows.length,
      list,
      unit_code: listing.unitCode,
      occurred_on: on,
      sign,
      reason,
      detail,
      area: listing.area,
      minority,
      unable: listing.unable,
    });

  const open = new Map<ListName, Listing>();
  let nextDay = 0;
  /** Flag changes of days before `date` move an open poor listing from one group to the other. */
  const regroupBefore = (date: string | undefined) => {
    for (; nextDay < days.length; nextDay++) {
      const day = days[nextDay] as { on: string; set: boolean };
      if (date !== undefined && day.on >= date) return;
      const listing = open.get('poor');
      if (!listing || listing.unable === day.set) continue;
      push('poor', listing, day.on, -1, 'regrouped', null);
      listing.unable = day.set;
      push('poor', listing, day.on, 1, 'regrouped', null);
    }
  };

  for (const m of movements) {
    regroupBefore(m.on);
    // The first column is the movement's own (its place in the balance), the second a subset of it.
    const [reason, detail = null] = columnsOf(m);
    if (!reason) throw new Error(`a ${m.list} movement (${m.reason}) counts in no column`);
    if (m.sign === 1) {
      const listing: Listing = {
        unitCode: m.unitCode,
        area: placeOn(fold.places, m.on)?.area ?? h.area,
        unable: m.list === 'poor' && flagAtEndOf(m.on),
      };
      open.set(m.list, listing);
      push(m.list, listing, m.on, 1, reason, detail);
    } else {
      const listing = open.get(m.list) ?? { unitCode: m.unitCode, area: h.area, unable: false };
      open.delete(m.list);
      push(m.list, { ...listing, unitCode: m.unitCode }, m.on, -1, reason, detail);
    }
  }
  regroupBefore(undefined);
  return rows;
}
