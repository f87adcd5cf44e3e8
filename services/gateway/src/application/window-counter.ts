/**
 * Hits per key in fixed windows (a minute, say), for rate limits: each key's window starts at its first
 * hit and resets `windowMs` later. Keys are bounded: past `maxKeys`, the key seen longest ago is
 * dropped (it starts afresh if it comes back), so a flood of addresses cannot grow the map for ever.
 */
export class WindowCounter {
  readonly #windows = new Map<string, { count: number; resetsAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly maxKeys = 100_000,
  ) {}

  /** Counts a hit of `key`: whether it is within the limit, and the milliseconds until its window resets. */
  hit(key: string, now = Date.now()): { allowed: boolean; resetsInMs: number } {
    let window = this.#windows.get(key);
    if (!window || window.resetsAt <= now) {
      this.#windows.delete(key);
      if (this.#windows.size >= this.maxKeys) {
        // Maps iterate in insertion order, and a window is re-inserted when it starts: the first is the oldest.
        const oldest = this.#windows.keys().next();
        if (!oldest.done) this.#windows.delete(oldest.value);
      }
      window = { count: 0, resetsAt: now + this.windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= this.limit, resetsInMs: window.resetsAt - now };
  }

  get size(): number {
    return this.#windows.size;
  }
}
