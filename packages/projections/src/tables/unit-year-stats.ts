import type { Insertable, Selectable } from 'kysely';

/**
 * Household counts per unit and review year. A household counts in year Y when at least one counting
 * (not voided) review of it took effect in Y, and counts in one unit for that year: the unit it was
 * recorded in on the date of its last review of Y. Every column counts households, not reviews.
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
  /** Households that escaped poverty (poor → near-poor or non-poor, thoát nghèo) in the year. */
  escaped: number;
  /** Households that escaped near-poverty (near-poor → non-poor, thoát cận nghèo) in the year. */
  escaped_near_poverty: number;
  /** Households classified poor again after an earlier escape (tái nghèo) in the year. */
  relapsed: number;
  /** Households classified near-poor again after an earlier escape (tái cận nghèo) in the year. */
  relapsed_near_poverty: number;
  /** Households classified poor for the first time with no earlier list membership (phát sinh nghèo). */
  newly_poor: number;
  /** Households poor at the end of the year: their last review of the year says poor, and not closed by 31 Dec. */
  closing_poor: number;
  /** As `closing_poor`, for near-poor. */
  closing_near_poor: number;
}

export type UnitYearStatsRow = Selectable<UnitYearStatsTable>;
export type NewUnitYearStats = Insertable<UnitYearStatsTable>;
