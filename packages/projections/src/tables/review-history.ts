import type { Insertable, Selectable } from 'kysely';

/** Every review of every household, as it counts now (amended data, voided flag): transitions read it. */
export interface ReviewHistoryTable {
  household_id: string;
  event_id: string;
  /** Stream version of the review event. */
  version: number;
  review_type: string;
  effective_date: string;
  list_year: number;
  classification: 'poor' | 'near_poor' | 'non_poor';
  /** As decided with the review (escaped_poverty, relapsed, newly_poor, …). */
  transition: string;
  voided: boolean;
}

export type ReviewHistoryRow = Selectable<ReviewHistoryTable>;
export type NewReviewHistory = Insertable<ReviewHistoryTable>;
