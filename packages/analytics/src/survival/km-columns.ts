import { type SortedSample, total } from './sample.js';

/**
 * The Kaplan–Meier curve at every distinct observed time, column-wise, as R's `survfit` object
 * holds it (survival's `survfitkm.c`): S is the running product of (n − d) / n and the Greenwood
 * sum the running Σ d / (n (n − d)), both updated only at times with an event.
 */
export interface KmColumns {
  readonly n: number;
  readonly events: number;
  readonly time: Float64Array;
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  readonly survival: Float64Array;
  /** Σ d / (n (n − d)), the variance of log S; +Infinity once S = 0 (n = d), as in R. */
  readonly greenwood: Float64Array;
}

/** Number of distinct times in the union of two sorted arrays of distinct times. */
function countDistinct(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length || j < b.length) {
    const t = nextTime(a, i, b, j);
    if (i < a.length && a[i] === t) i++;
    if (j < b.length && b[j] === t) j++;
    count++;
  }
  return count;
}

/** The smaller of the two heads, given at least one array still has elements. */
function nextTime(a: Float64Array, i: number, b: Float64Array, j: number): number {
  if (i >= a.length) return b[j] ?? 0;
  if (j >= b.length) return a[i] ?? 0;
  const x = a[i] ?? 0;
  const y = b[j] ?? 0;
  return Math.min(x, y);
}

/** Computes the curve in one merge pass over the distinct event and censoring times. */
export function kmColumns(sample: SortedSample): KmColumns {
  const { eventTimes: ev, eventCounts: evCount, censorTimes: ce, censorCounts: ceCount } = sample;
  const events = total(evCount);
  const n = events + total(ceCount);
  const size = countDistinct(ev, ce);
  const time = new Float64Array(size);
  const nRisk = new Float64Array(size);
  const nEvent = new Float64Array(size);
  const nCensor = new Float64Array(size);
  const survival = new Float64Array(size);
  const greenwood = new Float64Array(size);

  let i = 0;
  let j = 0;
  let atRisk = n;
  let s = 1;
  let v = 0;
  for (let k = 0; k < size; k++) {
    const t = nextTime(ev, i, ce, j);
    let d = 0;
    if (i < ev.length && ev[i] === t) d = evCount[i++] ?? 0;
    let c = 0;
    if (j < ce.length && ce[j] === t) c = ceCount[j++] ?? 0;
    if (d > 0) {
      // Same arithmetic as survfitkm.c: km *= (nrisk - d) / nrisk; v += d / (nrisk (nrisk - d)).
      // When everyone left dies, d / 0 gives +Infinity, which R turns into NA standard errors.
      s *= (atRisk - d) / atRisk;
      v += d / (atRisk * (atRisk - d));
    }
    time[k] = t;
    nRisk[k] = atRisk;
    nEvent[k] = d;
    nCensor[k] = c;
    survival[k] = s;
    greenwood[k] = v;
    atRisk -= d + c;
  }
  return { n, events, time, nRisk, nEvent, nCensor, survival, greenwood };
}
