import { createHash } from 'node:crypto';

/**
 * A small seeded PRNG with the draws the generator needs. Every household gets a stream
 * of its own, derived from (seed, index): a household's history does not depend on how many others are
 * generated, in which order, or how many are written at once.
 */

/** A 32-bit mix of the inputs (a murmur3-style finaliser over each word). */
export function hash32(...words: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) {
    let k = Math.imul(w >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A string folded to a 32-bit word (FNV-1a), to key derived streams by name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * sfc32 (128-bit state): streams seeded from different (seed, index) pairs do not run into each other
 * the way the 32-bit state of mulberry32 would over a hundred thousand households.
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(...words: readonly number[]) {
    this.#a = hash32(...words, 1);
    this.#b = hash32(...words, 2);
    this.#c = hash32(...words, 3);
    this.#d = hash32(...words, 4);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The stream of household `index` under `seed`. */
  static forHousehold(seed: number, index: number): Rng {
    return new Rng(seed, index, 0x686f7573);
  }

  /** A uniform draw in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A number in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /**
   * The same draw as `weighted` over a table prepared once: one uniform draw, then a bisection of the
   * cumulative weights instead of a scan (ten thousand communes, drawn for every household).
   */
  weightedFrom<T>(table: WeightedTable<T>): T {
    return table.at(this.next() * table.total);
  }
}

/**
 * Values with weights, prepared for many draws: the running sums of the weights in entry order (the
 * order `weighted` subtracts them in), so a point in [0, total) falls on the value whose span holds it.
 */
export class WeightedTable<T> {
  readonly #values: readonly T[];
  readonly #ends: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted table needs at least one entry');
    this.#values = entries.map(([value]) => value);
    this.#ends = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0) || !Number.isFinite(weight))
        throw new RangeError(`weight ${weight} is not a finite weight ≥ 0`);
      sum += weight;
      this.#ends[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('the weights of a weighted table add up to nothing');
    this.total = sum;
  }

  get size(): number {
    return this.#values.length;
  }

  /** The first value whose running sum exceeds `r` (the last one for `r` ≥ total). */
  at(r: number): T {
    const ends = this.#ends;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo] as T;
  }
}

/**
 * Name-based (version 5, SHA-1) UUIDs of `seed/index/n`: deterministic, and as unique as UUIDs are
 * (ids drawn from a PRNG stream would repeat wherever two households' streams happen to overlap).
 */
export class IdSource {
  #n = 0;

  constructor(
    readonly seed: number,
    readonly index: number,
  ) {}

  next(): string {
    const h = createHash('sha1')
      .update(`benvung-seed/${this.seed}/${this.index}/${this.#n++}`)
      .digest();
    h[6] = ((h[6] as number) & 0x0f) | 0x50;
    h[8] = ((h[8] as number) & 0x3f) | 0x80;
    const hex = h.toString('hex', 0, 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }
}
