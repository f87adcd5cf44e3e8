import type { LiveSession } from '../persistence/sessions.js';

/**
 * Session lookups of the last few seconds. A cookie request then costs no database round trip, and a
 * revocation anywhere still takes effect within `ttlMs` (at once in the process that revoked, which
 * clears the cache). Lookups of the same session in flight share one query; misses (revoked, expired)
 * are kept too, so a dead cookie sent in a loop does not reach the database each time.
 */
export class SessionCache {
  readonly #entries = new Map<string, { at: number; value: Promise<LiveSession | undefined> }>();
  readonly #load: (id: string) => Promise<LiveSession | undefined>;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(load: (id: string) => Promise<LiveSession | undefined>, ttlMs = 3000, maxEntries = 10_000) {
    this.#load = load;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  get(id: string): Promise<LiveSession | undefined> {
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (entry && now - entry.at < this.#ttlMs) return entry.value;
    if (entry) this.#entries.delete(id);
    else if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    const value = this.#load(id);
    const fresh = { at: now, value };
    this.#entries.set(id, fresh);
    // A failed query is not an answer to keep.
    value.catch(() => {
      if (this.#entries.get(id) === fresh) this.#entries.delete(id);
    });
    return value;
  }

  /** After a revocation or an account change: the next request of every session reads again. */
  clear(): void {
    this.#entries.clear();
  }
}
