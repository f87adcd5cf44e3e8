import { type CachedHousehold, FoldCache } from './fold-cache.js';
import type { UnitLookup } from './geography.js';

/** Writes owed for a household since its rows were last written. */
export interface Pending {
  entry: CachedHousehold;
  /** Store time and global position of its last event folded, for the status row. */
  position: string;
  recordedAt: Date;
  /** The head's name, when a registration was folded since (it is written with the first row only). */
  headName: string | null;
  /** Something folded since could change its episodes or unit-year contributions. */
  analytics: boolean;
}

/**
 * What a household projection instance remembers: folds (FoldCache) and the writes it owes.
 *
 * `write-through` (the projector): every batch writes every row it changes before it commits, and
 * memory is only a cache checked against the tables. `write-behind` (a rebuild, whose fresh tables
 * nobody reads before the swap, and which starts over if anything fails): memory is the truth for
 * the households it holds, and a household's rows are written once for many batches — the households
 * owed longest a few at a time with each statement once more than `keepOwed` are owed, everything
 * if a batch leaves more than `maxPending` owed, and the rest at `flush`. That is what lets a rebuild
 * write a status row per household rather than per household and page.
 */
export class HouseholdBook {
  /** The projection's name: its dead letters are the events its folds leave out. */
  readonly projection: string;
  readonly units: UnitLookup;
  readonly cache: FoldCache;
  /** Owed writes (write-behind only between batches). */
  readonly pending = new Map<string, Pending>();
  mode: 'write-through' | 'write-behind';
  /** Write-behind: households owed before everything owed is written. */
  readonly maxPending: number;
  /** Write-behind: households owed that are left owed; those owed longer are written along the way. */
  readonly keepOwed: number;

  constructor(projection: string, units: UnitLookup, cacheSize: number, mode: HouseholdBook['mode']) {
    this.projection = projection;
    this.units = units;
    this.cache = new FoldCache(cacheSize);
    this.mode = mode;
    this.maxPending = Math.max(1, Math.floor(cacheSize / 2));
    this.keepOwed = Math.floor(this.maxPending / 5);
  }

  /**
   * Up to `max` of the households owed longest, beyond the `keepOwed` owed most recently. (A Map
   * iterates in insertion order and a household stays owed, in place, until its rows are written.)
   */
  overdue(max: number): string[] {
    const count = Math.min(max, this.pending.size - this.keepOwed);
    const ids: string[] = [];
    if (count <= 0) return ids;
    for (const id of this.pending.keys()) {
      ids.push(id);
      if (ids.length >= count) break;
    }
    return ids;
  }

  /**
   * The fold memory holds and may be used without asking the tables: write-behind only, where the
   * tables lag memory; owed households first, since the cache may have let them go.
   */
  authoritative(householdId: string): CachedHousehold | undefined {
    if (this.mode !== 'write-behind') return undefined;
    return this.pending.get(householdId)?.entry ?? this.cache.get(householdId);
  }
}
