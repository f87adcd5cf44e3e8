/**
 * `all.equal`'s tolerance, which survival's `survmean` uses to decide that a curve sits at 0.5:
 * `survfit(Surv(1:100) ~ 1)` reaches 0.5 + 1.1e-16 through rounding, and that must count as 0.5.
 */
export const MEDIAN_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The median of a step curve by R's rule (`minmin` inside survival's `survmean`, which `print()`
 * and `summary()$table` use): among the points that are not NA and lie below 0.5 + tolerance, take
 * the first; if it equals 0.5 within the tolerance and the curve later drops below it, the median
 * is the midpoint between its time and the time of that drop; otherwise it is its time. Null when
 * the curve never gets down to 0.5. The same rule applied to the lower and upper confidence curves
 * gives the median's interval. NaN stands for NA; `y` need not be monotone (an upper limit is not).
 */
export function curveMedian(time: Float64Array, y: Float64Array): number | null {
  let first = -1;
  for (let k = 0; k < y.length; k++) {
    const v = y[k] ?? Number.NaN;
    if (!Number.isNaN(v) && v < 0.5 + MEDIAN_TOLERANCE) {
      first = k;
      break;
    }
  }
  if (first < 0) return null;
  const y1 = y[first] ?? Number.NaN;
  const t1 = time[first] ?? Number.NaN;
  if (Math.abs(y1 - 0.5) < MEDIAN_TOLERANCE) {
    for (let k = first + 1; k < y.length; k++) {
      const v = y[k] ?? Number.NaN;
      // Points dropped by `keep` (NA, or ≥ 0.5 + tolerance) can never be below y1 anyway.
      if (!Number.isNaN(v) && v < y1) return (t1 + (time[k] ?? Number.NaN)) / 2;
    }
  }
  return t1;
}
