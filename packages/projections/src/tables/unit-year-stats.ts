import type { Insertable, Selectable } from 'kysely';

/**
 * Counts per unit and calendar year, from each household's list history (`listMovements`):
 * - households reviewed: `reviewed`, `poor`, `near_poor` count a household once in a year with a
 *   counting review, in the unit it was recorded in on the date of its last review of that year;
 * - movements on and off the poor and near-poor lists, each in the unit and year it happened. A
 *   household that escapes twice in one year counts twice, so that for every unit and year
 *   `poor at the start + joiners − leavers = poor at the end` holds exactly (the year-end balance of
 *   DOMAIN.md); year-end lists are the running sum of the movements (see `listUnitYearStats`), so a
 *   household counts in every year-end list its latest review puts it on, reviewed that year or not.
 * Transitions are the domain's (`deriveTransition`), re-derived after every correction.
 */
export interface UnitYearStatsTable {
  unit_code: string;
  year: number;
  /** Households with at least one counting review in the year. */
  reviewed: number;
  /** Households that a review of the year classified poor. */
  poor: number;
  /** Households that a review of the year classified near-poor. */
  near_poor: number;

  // Joining the poor list.
  /** On the poor list when follow-up began (a baseline review). */
  poor_baseline: number;
  /** Newly poor (phát sinh nghèo): classified poor, never poor before. */
  newly_poor: number;
  /** Of `newly_poor`, those who came from the near-poor list (cận nghèo → nghèo). */
  newly_poor_from_near_poor: number;
  /** Relapsed (tái nghèo): poor again after an escape from poverty. */
  relapsed: number;
  /** Moved into the unit while poor. */
  poor_moved_in: number;
  // Leaving the poor list.
  /** Escaped poverty (thoát nghèo): poor → near-poor or non-poor. */
  escaped: number;
  /** Of `escaped`, those who became near-poor (the rest rose above the near-poor line). */
  escaped_to_near_poor: number;
  /** Moved out of the unit while poor. */
  poor_moved_out: number;
  /** Left follow-up (closed) while poor. */
  poor_closed: number;

  // Joining the near-poor list.
  near_poor_baseline: number;
  /** Newly near-poor (phát sinh cận nghèo): from non-poor, not a relapse. */
  newly_near_poor: number;
  /** Escaped poverty onto the near-poor list (the same movements as `escaped_to_near_poor`). */
  near_poor_from_poor: number;
  /** Relapsed into near-poverty (tái cận nghèo). */
  relapsed_near_poverty: number;
  near_poor_moved_in: number;
  // Leaving the near-poor list.
  /** Escaped near-poverty (thoát cận nghèo): near-poor → non-poor. */
  escaped_near_poverty: number;
  /** Near-poor → poor (newly poor or relapsed). */
  near_poor_to_poor: number;
  near_poor_moved_out: number;
  near_poor_closed: number;
}

export type UnitYearStatsRow = Selectable<UnitYearStatsTable>;
export type NewUnitYearStats = Insertable<UnitYearStatsTable>;
