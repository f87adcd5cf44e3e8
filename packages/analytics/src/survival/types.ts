/** One right-censored observation: `time` (days, ≥ 0) until the event, or until censoring. */
export interface SurvivalObservation {
  readonly time: number;
  /** True when the episode ended in the event (a relapse); false when it was censored. */
  readonly event: boolean;
  /**
   * How many identical observations this one stands for (say, households with the same follow-up),
   * a whole number ≥ 0; 1 when absent. Every estimator counts it as that many observations, so
   * counts aggregated by (time, event) give exactly the figures of the observations one by one,
   * with memory that grows with the distinct times rather than with the households.
   */
  readonly count?: number;
}

/** An observation tagged with the group (support kind, province, cohort…) it belongs to. */
export interface GroupedObservation extends SurvivalObservation {
  readonly group: string;
}

/**
 * The transformation R's `survfit` applies before building a confidence interval (`conf.type`):
 * `log` (R's default) is symmetric on log S, `log-log` on log(−log S), `plain` on S itself.
 */
export type ConfType = 'log' | 'log-log' | 'plain';

/** Every `ConfType`, for validating query parameters. */
export const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

/** Options shared by the Kaplan–Meier estimators. */
export interface KaplanMeierOptions {
  /** Interval transformation; `log` by default, as in R. */
  readonly confType?: ConfType;
  /** Coverage of the pointwise intervals, strictly between 0 and 1; 0.95 by default. */
  readonly confLevel?: number;
  /**
   * Also report the times at which only censoring happened (R's `survfit` object keeps them;
   * `summary()` drops them by default). False by default, which gives exactly `summary()`'s rows.
   */
  readonly includeCensored?: boolean;
}

/** One row of the survival table: the curve just after `time`. */
export interface KaplanMeierRow {
  readonly time: number;
  /** Observations with time ≥ `time`. */
  readonly nRisk: number;
  /** Events at exactly `time`. */
  readonly nEvent: number;
  /** Censorings at exactly `time`. */
  readonly nCensor: number;
  readonly survival: number;
  /**
   * Greenwood standard error of S, S·sqrt(Σ d / (n (n − d))), as `summary()` prints `std.err`.
   * Null where R prints NA: once S has reached 0 (the Greenwood sum is infinite there).
   */
  readonly stdErr: number | null;
  /** Pointwise confidence limits for S; null where R gives NA. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A Kaplan–Meier curve with its median, as R's `survfit` + `summary()` + `print()` report it. */
export interface KaplanMeierResult {
  /** Number of observations, counts included. */
  readonly n: number;
  /** Number of events, counts included. */
  readonly events: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  /** The last observed time (event or censoring), beyond which the curve is not estimated; null when n = 0. */
  readonly maxTime: number | null;
  readonly table: readonly KaplanMeierRow[];
  /** Median survival time by R's rule; null when the curve does not reach 0.5. */
  readonly median: number | null;
  /** The median read off the lower confidence limit curve (R's `0.95LCL`). */
  readonly medianLower: number | null;
  /** The median read off the upper confidence limit curve (R's `0.95UCL`); often not reached. */
  readonly medianUpper: number | null;
}
