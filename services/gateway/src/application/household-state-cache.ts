import type { HouseholdState } from '@benvung/domain';

interface Entry {
  version: number;
  state: HouseholdState;
}

/**
 * The decider's state of recently commanded households, by household id, so that a command reads only
 * the events appended since (usually none or one) instead of the whole stream. Safe because a stream
 * only grows: a cached (version, state) stays a true prefix, and the append still names the version
 * it decided on, so a write from elsewhere is caught as a conflict, never overwritten. States are
 * folded with personal fields erased (the decider never reads them), so no name or ID number is kept.
 * Least recently used entries go first.
 */
export class HouseholdStateCache {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly capacity: number) {}

  get(householdId: string): Entry | undefined {
    const entry = this.#entries.get(householdId);
    if (entry) {
      // Re-inserting moves it to the end: the map's order is the recency order.
      this.#entries.delete(householdId);
      this.#entries.set(householdId, entry);
    }
    return entry;
  }

  /** Keeps the newer of what is cached and `entry` (concurrent commands may finish out of order). */
  set(householdId: string, entry: Entry): void {
    if (this.capacity <= 0) return;
    const known = this.#entries.get(householdId);
    if (known && known.version >= entry.version) return;
    this.#entries.delete(householdId);
    this.#entries.set(householdId, entry);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
