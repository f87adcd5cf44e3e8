import { AnalyticsInputError } from '../errors.js';
import { type DistinctTimes, sortTimes, TimeRange } from './sort-times.js';
import type { SurvivalObservation } from './types.js';

/**
 * A sample prepared once for every estimator: the distinct event times and the distinct censoring
 * times, each ascending in a typed array, with how many observations share each time. Keeping the
 * two apart avoids sorting (time, status) pairs; counting the ties up front means a sample takes
 * memory by distinct times, however many households the counts add up to.
 */
export interface SortedSample {
  readonly eventTimes: Float64Array;
  /** Events at each of `eventTimes` (each ≥ 1). */
  readonly eventCounts: Float64Array;
  readonly censorTimes: Float64Array;
  /** Censorings at each of `censorTimes` (each ≥ 1). */
  readonly censorCounts: Float64Array;
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

/**
 * Rejects a count that is not a whole number ≥ 0: a count is that many identical observations,
 * and nothing else keeps the figures equal to those of the observations written out one by one.
 */
export function checkCount(count: number, index: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new AnalyticsInputError(
      'ANALYTICS_INVALID_COUNT',
      `observation ${index}: count must be a whole number ≥ 0, got ${count}`,
      { index, count },
    );
  }
}

/** How many observations `o` stands for, checked; 1 when it has no count. */
export function weightOf(o: SurvivalObservation, index: number): number {
  if (o.count === undefined) return 1;
  checkCount(o.count, index);
  return o.count;
}

/** Checks an observation and returns its weight; a counted one's time joins `range`. */
function admit(o: SurvivalObservation, index: number, range: TimeRange): number {
  checkTime(o.time, index);
  const weight = weightOf(o, index);
  if (weight > 0) range.add(o.time);
  return weight;
}

/** Total of a column of counts. */
export function total(counts: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i] ?? 0;
  return sum;
}

/** Observations of one key counted, then copied into typed arrays for sorting. */
class SampleBuilder {
  events = 0;
  censored = 0;
  ev = new Float64Array(0);
  ce = new Float64Array(0);
  /** Counts beside the times; left null while every observation counts once. */
  evCounts: Float64Array | null = null;
  ceCounts: Float64Array | null = null;
  private e = 0;
  private c = 0;

  allocate(weighted: boolean): void {
    this.ev = new Float64Array(this.events);
    this.ce = new Float64Array(this.censored);
    if (weighted) {
      this.evCounts = new Float64Array(this.events);
      this.ceCounts = new Float64Array(this.censored);
    }
  }

  put(o: SurvivalObservation, weight: number): void {
    if (o.event) {
      if (this.evCounts) this.evCounts[this.e] = weight;
      this.ev[this.e++] = o.time;
    } else {
      if (this.ceCounts) this.ceCounts[this.c] = weight;
      this.ce[this.c++] = o.time;
    }
  }

  sort(range: TimeRange): SortedSample {
    const events: DistinctTimes = sortTimes(this.ev, this.evCounts, range);
    const censored: DistinctTimes = sortTimes(this.ce, this.ceCounts, range);
    return {
      eventTimes: events.times,
      eventCounts: events.counts,
      censorTimes: censored.times,
      censorCounts: censored.counts,
    };
  }
}

/**
 * Splits observations by a key into sorted samples, in two passes over the input (count, then
 * fill typed arrays), so a million observations never become a million small arrays or tuples.
 * An observation with a count stands for that many; one with count 0 is left out altogether, as
 * if it had been written out zero times. Keys come out in order of first appearance.
 */
export function sortByKey<T extends SurvivalObservation, K>(
  observations: readonly T[],
  keyOf: (observation: T) => K,
): Map<K, SortedSample> {
  const buffers = new Map<K, SampleBuilder>();
  const range = new TimeRange();
  let weighted = false;
  let index = 0;
  for (const o of observations) {
    const weight = admit(o, index++, range);
    if (weight === 0) continue;
    if (weight !== 1) weighted = true;
    const key = keyOf(o);
    let b = buffers.get(key);
    if (b === undefined) {
      b = new SampleBuilder();
      buffers.set(key, b);
    }
    if (o.event) b.events++;
    else b.censored++;
  }
  for (const b of buffers.values()) b.allocate(weighted);
  for (const o of observations) {
    const weight = o.count ?? 1;
    if (weight === 0) continue;
    buffers.get(keyOf(o))?.put(o, weight); // every key with a counted observation has its buffer
  }
  const samples = new Map<K, SortedSample>();
  for (const [key, b] of buffers) samples.set(key, b.sort(range));
  return samples;
}

/** Splits observations into sorted event and censoring times (`sortByKey` without the key lookups). */
export function sortSample(observations: readonly SurvivalObservation[]): SortedSample {
  const b = new SampleBuilder();
  const range = new TimeRange();
  let weighted = false;
  let index = 0;
  for (const o of observations) {
    const weight = admit(o, index++, range);
    if (weight === 0) continue;
    if (weight !== 1) weighted = true;
    if (o.event) b.events++;
    else b.censored++;
  }
  b.allocate(weighted);
  for (const o of observations) {
    const weight = o.count ?? 1;
    if (weight !== 0) b.put(o, weight);
  }
  return b.sort(range);
}

/** Observations (counts included) of a sample strictly below `t`. */
export function countBelow(sample: SortedSample, t: number): number {
  return sumBelow(sample.eventTimes, sample.eventCounts, t) + sumBelow(sample.censorTimes, sample.censorCounts, t);
}

/** Sum of `counts` over the elements of the sorted `times` strictly below `t` (binary search, then a sum). */
function sumBelow(times: Float64Array, counts: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let i = 0; i < lo; i++) sum += counts[i] ?? 0;
  return sum;
}

/** A sample without observations. */
export const EMPTY: SortedSample = {
  eventTimes: new Float64Array(0),
  eventCounts: new Float64Array(0),
  censorTimes: new Float64Array(0),
  censorCounts: new Float64Array(0),
};
