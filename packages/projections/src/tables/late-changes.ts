import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * Events that change the lists of a year recorded after that year ended: reviews, moves, closures and
 * flag changes entered late, and every void or amendment of one. Reports are computed from the lists
 * as corrected (by effective date); a report for a year, asked as of a date, lists the rows recorded
 * after that date whose `effective_from` falls in or before the year: what could make its figures
 * differ from a copy printed on that date. Corrections and late entries are rare, so the table stays
 * small: entries on time are not kept.
 */
export interface LateChangesTable {
  event_id: string;
  household_id: string;
  /** `late_entry`, `voided` or `amended`. */
  kind: string;
  /** The type of the event entered late, or of the event corrected. */
  event_type: string;
  /** The earliest date whose lists it can change (a correction: the corrected event's or its replacement's date). */
  effective_from: string;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
}

export type LateChangesRow = Selectable<LateChangesTable>;
export type NewLateChanges = Insertable<LateChangesTable>;
