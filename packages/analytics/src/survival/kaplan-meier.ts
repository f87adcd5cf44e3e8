import { confidenceLimits } from './confidence.js';
import { type KmColumns, kmColumns } from './km-columns.js';
import { curveMedian } from './median.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { type SortedSample, sortSample } from './sample.js';
import type { KaplanMeierOptions, KaplanMeierResult, KaplanMeierRow, SurvivalObservation } from './types.js';

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The curve with its limits at every distinct time (NaN = NA), before rows are chosen. */
interface CurveWithLimits {
  readonly columns: KmColumns;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly stdErr: Float64Array;
}

/** Adds the standard error of S and the confidence limits to every point of the curve. */
export function withLimits(columns: KmColumns, options: ResolvedOptions): CurveWithLimits {
  const size = columns.time.length;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  const stdErr = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const s = columns.survival[k] ?? Number.NaN;
    const seLog = Math.sqrt(columns.greenwood[k] ?? Number.NaN);
    // summary.survfit reports std.err * surv; at S = 0 that is Inf * 0 = NaN, printed NA.
    stdErr[k] = seLog * s;
    const limits = confidenceLimits(s, seLog, options.z, options.confType);
    lower[k] = limits.lower;
    upper[k] = limits.upper;
  }
  return { columns, lower, upper, stdErr };
}

/** Kaplan–Meier from an already sorted sample; the entry point for grouped and large inputs. */
export function kaplanMeierSorted(sample: SortedSample, options?: KaplanMeierOptions): KaplanMeierResult {
  const resolved = resolveOptions(options);
  const curve = withLimits(kmColumns(sample), resolved);
  const { columns, lower, upper, stdErr } = curve;
  const table: KaplanMeierRow[] = [];
  for (let k = 0; k < columns.time.length; k++) {
    const nEvent = columns.nEvent[k] ?? 0;
    if (nEvent === 0 && !resolved.includeCensored) continue;
    table.push({
      time: columns.time[k] ?? Number.NaN,
      nRisk: columns.nRisk[k] ?? 0,
      nEvent,
      nCensor: columns.nCensor[k] ?? 0,
      survival: columns.survival[k] ?? Number.NaN,
      stdErr: nullIfNaN(stdErr[k] ?? Number.NaN),
      lower: nullIfNaN(lower[k] ?? Number.NaN),
      upper: nullIfNaN(upper[k] ?? Number.NaN),
    });
  }
  const size = columns.time.length;
  return {
    n: columns.n,
    events: columns.events,
    confType: resolved.confType,
    confLevel: resolved.confLevel,
    maxTime: size > 0 ? (columns.time[size - 1] ?? null) : null,
    table,
    // survmean runs its median rule over every time of the survfit object, censored ones included.
    median: curveMedian(columns.time, columns.survival),
    medianLower: curveMedian(columns.time, lower),
    medianUpper: curveMedian(columns.time, upper),
  };
}

/**
 * The Kaplan–Meier estimate of the survival curve with Greenwood standard errors, pointwise
 * confidence intervals and the median with its interval, matching R's
 * `summary(survfit(Surv(time, status) ~ 1, conf.type = …))` and `print()` of the same fit.
 *
 * Ties are exact: times are compared as numbers (days), so R's `timefix` near-tie merging has
 * nothing to do on whole days. Runs in O(n log n) (one typed-array sort).
 *
 * @throws AnalyticsInputError for a negative or non-finite time or an invalid option.
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options?: KaplanMeierOptions,
): KaplanMeierResult {
  return kaplanMeierSorted(sortSample(observations), options);
}
