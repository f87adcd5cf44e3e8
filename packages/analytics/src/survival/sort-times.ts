/**
 * Sorting survival times. Episode times are whole days, so a counting sort over 0…max beats the
 * native comparison sort of a Float64Array by an order of magnitude (O(n + max) against
 * O(n log n)); any other input falls back to `TypedArray#sort`, which compares numerically.
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

/** Sorts `times` ascending in place; `range` describes them (all whole numbers ≥ 0 or not). */
export function sortTimes(times: Float64Array, range: TimeRange): Float64Array {
  if (!range.integers || range.max > countingLimit(times.length)) return times.sort();
  const counts = new Uint32Array(range.max + 1);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    counts[t] = (counts[t] ?? 0) + 1;
  }
  let k = 0;
  for (let t = 0; t < counts.length; t++) {
    const c = counts[t] ?? 0;
    if (c > 0) {
      times.fill(t, k, k + c);
      k += c;
    }
  }
  return times;
}
