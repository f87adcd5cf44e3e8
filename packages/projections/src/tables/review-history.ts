import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * Every review of every household as recorded, as it counts now (amended data, voided flag). Not its
 * transition: that depends on the reviews before it, and the household projection derives it.
 */
export interface ReviewHistoryTable {
  household_id: string;
  event_id: string;
  /** Stream version of the review event. */
  version: number;
  review_type: string;
  effective_date: string;
  list_year: number;
  classification: 'poor' | 'near_poor' | 'non_poor';
  area: 'rural' | 'urban';
  /** int8: node-postgres returns it as a string; null for a baseline that stated its list without figures. */
  income_per_capita_vnd: ColumnType<string | null, number | null, number | null>;
  /** A baseline's list as its decision stated it (the figures did not decide it). */
  listed_as: 'poor' | 'near_poor' | 'non_poor' | null;
  /** The deprivation indicator codes the review found. */
  deprivations: ColumnType<string[], string[], string[]>;
  standard_id: string;
  /** The rule version that supplied the standard (null for reviews recorded before rules were versioned). */
  standard_version: number | null;
  voided: boolean;
}

export type ReviewHistoryRow = Selectable<ReviewHistoryTable>;
export type NewReviewHistory = Insertable<ReviewHistoryTable>;
