import type { Insertable, Selectable } from 'kysely';

/**
 * Every movement of a household on and off a unit's poor and near-poor lists (`listMovements`), one
 * row each, with what reports break the lists down by. unit_year_stats sums the same movements per
 * unit and year; this table keeps them apart so a report can group them by area, by the head's
 * ethnicity or by the unable-to-escape flag, and roll codes up to the units of any date, in SQL.
 *
 * The group a household counts in is fixed from its joining a list to its leaving it (the area where
 * it joined), so that within every group `start − leavers + joiners = end` holds exactly. The one
 * attribute that changes while a household stays on the poor list is the unable-to-escape flag: its
 * changes are `regrouped` rows, a leave from one group and a join to the other on the same date, which
 * cancel out in every other grouping.
 */
export interface ListMovementsTable {
  household_id: string;
  /** 0, 1, … in the order of the walk. */
  movement_no: number;
  list: 'poor' | 'near_poor';
  /** The unit as recorded when it happened. */
  unit_code: string;
  occurred_on: string;
  /** +1 joins the list, −1 leaves it. */
  sign: number;
  /** The unit_year_stats column it counts in (`newly_poor`, `escaped`, …), or `regrouped`. */
  reason: string;
  /** The subset column that breaks it down (`newly_poor_from_near_poor`, `escaped_to_near_poor`), if any. */
  detail: string | null;
  /** Rural or urban where the household joined the list. */
  area: 'rural' | 'urban';
  /** The head belongs to an ethnic minority (not Kinh); null when the head's ethnicity is not recorded. */
  minority: boolean | null;
  /** Counted among the households unable to escape poverty (poor list only). */
  unable: boolean;
}

export type ListMovementsRow = Selectable<ListMovementsTable>;
export type NewListMovements = Insertable<ListMovementsTable>;
