import { AnalyticsInputError } from '../errors.js';
import { confidenceLimits } from '../survival/confidence.js';
import { kmColumns } from '../survival/km-columns.js';
import { resolveOptions } from '../survival/options.js';
import { countBelow, EMPTY, sortByKey } from '../survival/sample.js';
import type { KaplanMeierOptions, SurvivalObservation } from '../survival/types.js';

/**
 * Days in a year for "k years after the escape": the mean Julian year, so k years never depend on
 * where leap days fall. Episode times are whole days, so S(k years) is the curve just after day
 * ⌊365.25 k⌋ (365, 730, 1095, 1461, 1826 for k = 1…5).
 */
export const DAYS_PER_YEAR = 365.25;

/** An episode tagged with its escape year. */
export interface CohortEpisode extends SurvivalObservation {
  readonly cohort: number;
}

/** Options for `cumulativeRelapseByCohort`. */
export interface CohortOptions extends Omit<KaplanMeierOptions, 'includeCensored'> {
  /** Horizons in years; 1 to 5 by default. */
  readonly years?: readonly number[];
  /** Length of a year in days; `DAYS_PER_YEAR` by default. */
  readonly daysPerYear?: number;
}

/** Cumulative relapse at one horizon. Values are null beyond the cohort's follow-up. */
export interface CohortPoint {
  readonly years: number;
  readonly days: number;
  /** False when no episode of the cohort was followed that long: the curve is not estimated there. */
  readonly withinFollowUp: boolean;
  /** Episodes still at risk at that time (time ≥ days). */
  readonly nRisk: number;
  /** 1 − S(days), the Kaplan–Meier probability of having relapsed by then. */
  readonly cumulativeRelapse: number | null;
  /** Limits for 1 − S: one minus S's upper and lower limits. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One escape-year cohort. */
export interface CohortRow {
  readonly cohort: number;
  readonly n: number;
  readonly events: number;
  /** Longest follow-up in the cohort (days); later horizons are null. */
  readonly maxTime: number | null;
  readonly points: readonly CohortPoint[];
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Cumulative relapse 1 − S(k years) by escape-year cohort, from the Kaplan–Meier curve of each
 * cohort. Like R's `summary(fit, times = …)` with `extend = FALSE`, a horizon past the last
 * observed time of the cohort is not estimated (null): an escape in 2023 says nothing yet about
 * relapse after five years. (That includes a cohort whose last episode ended in a relapse: R does
 * not extend the curve past its last time even at S = 0, and neither does this.)
 *
 * @throws AnalyticsInputError for a cohort that is not a whole year, a bad time or option.
 */
export function cumulativeRelapseByCohort(
  episodes: readonly CohortEpisode[],
  options: CohortOptions = {},
): CohortRow[] {
  const resolved = resolveOptions(options);
  const years = options.years ?? [1, 2, 3, 4, 5];
  const daysPerYear = options.daysPerYear ?? DAYS_PER_YEAR;
  for (const value of [...years, daysPerYear]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_OPTION', `horizons and year length must be > 0, got ${value}`, {
        value,
      });
    }
  }
  for (const e of episodes) {
    if (!Number.isInteger(e.cohort)) {
      throw new AnalyticsInputError('ANALYTICS_INVALID_YEAR', `cohort must be a year, got ${e.cohort}`, {
        cohort: e.cohort,
      });
    }
  }
  const byCohort = sortByKey(episodes, (e) => e.cohort);
  return [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map((cohort) => {
      const sample = byCohort.get(cohort) ?? EMPTY;
      const columns = kmColumns(sample);
      const size = columns.time.length;
      const maxTime = size > 0 ? (columns.time[size - 1] ?? null) : null;
      const points = years.map((k): CohortPoint => {
        const days = k * daysPerYear;
        const nRisk = columns.n - countBelow(sample, days);
        if (maxTime === null || days > maxTime) {
          return { years: k, days, withinFollowUp: false, nRisk, cumulativeRelapse: null, lower: null, upper: null };
        }
        // The curve just after `days`: the last distinct time ≤ days (S = 1 before the first).
        const index = countAtOrBelow(columns.time, days) - 1;
        const s = index >= 0 ? (columns.survival[index] ?? 1) : 1;
        const seLog = index >= 0 ? Math.sqrt(columns.greenwood[index] ?? 0) : 0;
        const limits = confidenceLimits(s, seLog, resolved.z, resolved.confType);
        return {
          years: k,
          days,
          withinFollowUp: true,
          nRisk,
          cumulativeRelapse: 1 - s,
          lower: orNull(1 - limits.upper),
          upper: orNull(1 - limits.lower),
        };
      });
      return { cohort, n: columns.n, events: columns.events, maxTime, points };
    });
}

/** Number of elements of a sorted array at or below `t`. */
function countAtOrBelow(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
