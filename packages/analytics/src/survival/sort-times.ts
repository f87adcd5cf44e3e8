/**
 * Sorting survival times into distinct times with how many observations share each. Episode
 * times are whole days, so a counting sort over 0…max beats the native comparison sort of a
 * Float64Array by an order of magnitude (O(n + max) against O(n log n)) and counts the ties as it
 * goes; any other input falls back to a numeric comparison sort, whose ties are then counted.
 */

/** Largest range a counting sort may allocate for an array of `length` elements. */
const countingLimit = (length: number) => Math.min(10_000_000, 4 * length + 65_536);

/** Tracks whether every time seen is a whole number, and the largest one. */
export class TimeRange {
  integers = true;
  max = 0;

  add(time: number): void {
    if (this.integers && !Number.isInteger(time)) this.integers = false;
    if (time > this.max) this.max = time;
  }
}

/** Distinct times, ascending, and the number of observations at each (every count ≥ 1). */
export interface DistinctTimes {
  readonly times: Float64Array;
  readonly counts: Float64Array;
}

/**
 * Sorts `times` and merges equal ones. `counts[i]` is how many observations `times[i]` stands for
 * (each ≥ 1); null means one each, the common case, which needs no second array. `range`
 * describes the times (all whole numbers ≥ 0 or not). `times` may be reordered in place.
 */
export function sortTimes(times: Float64Array, counts: Float64Array | null, range: TimeRange): DistinctTimes {
  if (!range.integers || range.max > countingLimit(times.length)) {
    if (counts === null) return runs(times.sort(), null, null);
    // The weights must follow their times, so sort positions rather than the times themselves.
    const order = new Uint32Array(times.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0));
    return runs(times, counts, order);
  }
  // One observation each fits 32 bits (at most `times.length`); weights can add up past that.
  const tally = counts === null ? new Uint32Array(range.max + 1) : new Float64Array(range.max + 1);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    tally[t] = (tally[t] ?? 0) + (counts === null ? 1 : (counts[i] ?? 0));
  }
  let size = 0;
  for (let t = 0; t < tally.length; t++) if ((tally[t] ?? 0) > 0) size++;
  const distinct = new Float64Array(size);
  const merged = new Float64Array(size);
  let k = 0;
  for (let t = 0; t < tally.length; t++) {
    const c = tally[t] ?? 0;
    if (c > 0) {
      distinct[k] = t;
      merged[k++] = c;
    }
  }
  return { times: distinct, counts: merged };
}

/** Merges equal neighbours of times already in order (`order` gives the positions, when not the identity). */
function runs(times: Float64Array, counts: Float64Array | null, order: Uint32Array | null): DistinctTimes {
  const at = (k: number) => (order === null ? k : (order[k] ?? 0));
  let size = 0;
  for (let k = 0; k < times.length; k++) if (k === 0 || times[at(k)] !== times[at(k - 1)]) size++;
  const distinct = new Float64Array(size);
  const merged = new Float64Array(size);
  let j = -1;
  for (let k = 0; k < times.length; k++) {
    const i = at(k);
    if (k === 0 || times[i] !== times[at(k - 1)]) distinct[++j] = times[i] ?? 0;
    merged[j] = (merged[j] ?? 0) + (counts === null ? 1 : (counts[i] ?? 0));
  }
  return { times: distinct, counts: merged };
}
