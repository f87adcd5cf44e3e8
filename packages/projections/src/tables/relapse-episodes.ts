import type { Insertable, Selectable } from 'kysely';

/**
 * One row per escape of a household (a household escaping twice has two): the relapse analytics'
 * episodes. An episode starts at the escape and ends at a relapse or is censored at the closure or
 * at the analysis date, which the reader chooses. Dates are 'YYYY-MM-DD'.
 */
export interface RelapseEpisodesTable {
  household_id: string;
  /** The escaping review (HouseholdAssessed) event. */
  escape_event_id: string;
  escape_date: string;
  escape_from: 'poor' | 'near_poor';
  escape_to: 'near_poor' | 'non_poor';
  /** Effective date of the first later review classifying the household poor. */
  relapse_poor_date: string | null;
  /**
   * Effective date of the first later review classifying it poor or near-poor. Meaningful for escapes
   * to non-poor; after an escape to near-poor it is the next review that keeps it near-poor.
   */
  relapse_listed_date: string | null;
  /** The household was closed (dissolved, moved away, deceased): censoring. */
  closed_date: string | null;
  /**
   * Support kinds recorded (not voided) from the review before the escape (the household's last poor
   * classification, or last listed one for escapes from near-poverty) to the escape date, both
   * inclusive: distinct, sorted, joined with '+', or 'none'.
   */
  support_kinds: string;
  area: 'rural' | 'urban';
  /** The unit as recorded on the escape date. */
  unit_code: string;
  /** Province holding that unit on the escape date; null for a unit the registry does not know. */
  province_then: string | null;
  /** Province holding it in the latest registry version; null for a unit the registry does not know. */
  province_now: string | null;
  /** The unit holding it in the latest registry version. */
  unit_code_now: string | null;
  /** Year of the escape. */
  cohort: number;
  /** The head's ethnic group (national code) when known: hộ dân tộc thiểu số unless 01 (Kinh). */
  head_ethnicity: string | null;
}

export type RelapseEpisodesRow = Selectable<RelapseEpisodesTable>;
export type NewRelapseEpisodes = Insertable<RelapseEpisodesTable>;
