import type { Insertable, Selectable } from 'kysely';

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
  voided: boolean;
}

export type ReviewHistoryRow = Selectable<ReviewHistoryTable>;
export type NewReviewHistory = Insertable<ReviewHistoryTable>;
