import type { Area, ReviewType } from '../household/values.js';

/** One deprivation indicator of a multidimensional standard. */
export interface Indicator {
  /** Stable code used in assessments (`employment`, `water`, …). */
  code: string;
  dimension: string;
  /** When a household counts as deprived on this indicator. */
  deprivedWhen: string;
  /** Set when the wording or the code's presence in the standard could not be read in the legal text. */
  verify?: string;
}

/** An income band, exclusive below and inclusive above (VND per person per month). */
export interface IncomeBand {
  above: number;
  upTo: number;
}

/**
 * How a standard turns income and deprivations into a classification.
 * - `line_and_deprivations` (2022 onwards): at or under the line, poor with enough deprivations, else near-poor.
 * - `two_lines` (2016–2021): at or under the lower line always poor; between the lines poor with enough
 *   deprivations, else near-poor.
 */
export type ClassificationRule =
  | { kind: 'line_and_deprivations'; poorMinDeprivations: number }
  | { kind: 'two_lines'; upperLine: Record<Area, number>; poorMinDeprivations: number };

/** A poverty standard as data: an administrator corrects it here, never in code. */
export interface PovertyStandard {
  id: string;
  title: string;
  legalBasis: readonly string[];
  /** The list years (inclusive) whose lists this standard decides. */
  listYears: { from: number; to: number };
  /** The poverty line by area, VND per person per month; "at or under" counts as under. */
  incomeLine: Record<Area, number>;
  rule: ClassificationRule;
  /** Average-living-standard households (hộ có mức sống trung bình): non-poor, income in this band. */
  averageLivingBand: Record<Area, IncomeBand>;
  indicators: readonly Indicator[];
  /** Only for importing history recorded under it. */
  importOnly?: boolean;
  /** What could not be read in the legal text itself ([verify] items). */
  verify: readonly string[];
}

/** Part of the year (MM-DD to MM-DD, inclusive) in which a review's list year follows from its date. */
export interface ListYearWindow {
  from: string;
  to: string;
  /** The list year is the effective date's year plus this. */
  offset: number;
}

/** Which list year a review decides, per review type, as offsets from the effective date's year. */
export interface ListYearRule {
  reviewType: ReviewType;
  /** Used when the review does not state its list year; outside every window it must state one. */
  defaults: readonly ListYearWindow[];
  /** A stated list year must be the effective year plus one of these. */
  allowedOffsets: readonly number[];
  basis: string;
  verify?: string;
}

/** Everything classification reads; pass a corrected copy to override the shipped data. */
export interface StandardsData {
  standards: readonly PovertyStandard[];
  listYearRules: Record<ReviewType, ListYearRule>;
}
