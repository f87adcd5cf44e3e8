import { AnalyticsInputError } from '../errors.js';
import { sortTimes, TimeRange } from './sort-times.js';
import type { SurvivalObservation } from './types.js';

/**
 * A sample prepared once for every estimator: event times and censoring times, each sorted
 * ascending in a typed array. Keeping them apart avoids sorting (time, status) pairs: the
 * estimators merge the two arrays and count ties per time as they go.
 */
export interface SortedSample {
  readonly eventTimes: Float64Array;
  readonly censorTimes: Float64Array;
}

/** Rejects a time no episode can have; the message names the offending index. */
export function checkTime(time: number, index: number): void {
  if (!Number.isFinite(time) || time < 0) {
    throw new AnalyticsInputError(
      'ANALYTICS_INVALID_TIME',
      `observation ${index}: time must be a finite number ≥ 0, got ${time}`,
      { index, time },
    );
  }
}

/** Splits observations into sorted event and censoring times. */
export function sortSample(observations: readonly SurvivalObservation[]): SortedSample {
  let events = 0;
  let index = 0;
  const range = new TimeRange();
  for (const o of observations) {
    checkTime(o.time, index++);
    range.add(o.time);
    if (o.event) events++;
  }
  const eventTimes = new Float64Array(events);
  const censorTimes = new Float64Array(observations.length - events);
  let e = 0;
  let c = 0;
  for (const o of observations) {
    if (o.event) eventTimes[e++] = o.time;
    else censorTimes[c++] = o.time;
  }
  return { eventTimes: sortTimes(eventTimes, range), censorTimes: sortTimes(censorTimes, range) };
}

/** Number of elements of a sorted array strictly below `t` (binary search). */
export function countBelow(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sample without observations. */
export const EMPTY: SortedSample = { eventTimes: new Float64Array(0), censorTimes: new Float64Array(0) };

/**
 * Splits observations by a key into sorted samples, in two passes over the input (count, then
 * fill typed arrays), so a million observations never become a million small arrays or tuples.
 * Keys come out in order of first appearance.
 */
export function sortByKey<T extends SurvivalObservation, K>(
  observations: readonly T[],
  keyOf: (observation: T) => K,
): Map<K, SortedSample> {
  const counts = new Map<K, { events: number; censored: number }>();
  const range = new TimeRange();
  let index = 0;
  for (const o of observations) {
    checkTime(o.time, index++);
    range.add(o.time);
    const key = keyOf(o);
    let c = counts.get(key);
    if (c === undefined) {
      c = { events: 0, censored: 0 };
      counts.set(key, c);
    }
    if (o.event) c.events++;
    else c.censored++;
  }
  const buffers = new Map<K, { ev: Float64Array; ce: Float64Array; e: number; c: number }>();
  for (const [key, c] of counts) {
    buffers.set(key, { ev: new Float64Array(c.events), ce: new Float64Array(c.censored), e: 0, c: 0 });
  }
  for (const o of observations) {
    const b = buffers.get(keyOf(o));
    if (b === undefined) continue; // unreachable: every key was counted above
    if (o.event) b.ev[b.e++] = o.time;
    else b.ce[b.c++] = o.time;
  }
  const samples = new Map<K, SortedSample>();
  for (const [key, b] of buffers) {
    samples.set(key, { eventTimes: sortTimes(b.ev, range), censorTimes: sortTimes(b.ce, range) });
  }
  return samples;
}
