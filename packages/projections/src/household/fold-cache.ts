import type { NewListMovements } from '../tables/list-movements.js';
import type { NewListSpells } from '../tables/list-spells.js';
import type { NewRelapseEpisodes } from '../tables/relapse-episodes.js';
import { episodes } from './episodes.js';
import type { HouseholdFold } from './fold.js';
import type { UnitLookup } from './geography.js';
import { listMovements } from './list-movements.js';
import { movementRows } from './movement-rows.js';
import { type Contribution, contributions } from './unit-year.js';

/** The analytics rows a fold gives: its episodes, its list spells and its unit-year contributions. */
export interface Derived {
  episodes: NewRelapseEpisodes[];
  /** The episodes serialised: equal keys, equal rows. */
  episodesKey: string;
  spells: NewListSpells[];
  /** The spells serialised. */
  spellsKey: string;
  movements: NewListMovements[];
  /** The movements serialised. */
  movementsKey: string;
  contributions: Contribution[];
}

/** What the tables hold for a household they have never seen. */
export const NOTHING_DERIVED: Derived = {
  episodes: [],
  episodesKey: '[]',
  spells: [],
  spellsKey: '[]',
  movements: [],
  movementsKey: '[]',
  contributions: [],
};

/** The episodes, spells, movements and unit-year contributions of a fold: all from one walk of its lists. */
export function derive(householdId: string, fold: HouseholdFold, units: UnitLookup): Derived {
  const rows = episodes(householdId, fold, units);
  const lists = listMovements(fold);
  const spells = lists.spells.map(
    (s, i): NewListSpells => ({
      household_id: householdId,
      spell_no: i,
      unit_code: s.unitCode,
      classification: s.classification,
      valid_from: s.from,
      valid_to: s.to,
    }),
  );
  const movements = movementRows(householdId, fold, lists.movements);
  return {
    episodes: rows,
    episodesKey: JSON.stringify(rows),
    spells,
    spellsKey: JSON.stringify(spells),
    movements,
    movementsKey: JSON.stringify(movements),
    contributions: contributions(fold, lists.movements),
  };
}

/** A household's fold as of a stream version and global position, without its log. */
export interface CachedHousehold {
  fold: HouseholdFold;
  version: number;
  position: string;
  /** What relapse_episodes, list_spells, list_movements and unit_year_stats hold for it: what a later write replaces or takes back. */
  stored: Derived;
}

/**
 * Folds kept in memory between batches (least recently used out first), so a batch need not fold a
 * household again from its stream. Outside a rebuild an entry is used only when the read model's version and
 * position for the household are exactly the entry's: a fold is a pure function of the stream up to
 * that event, so a transaction that rolled back, or another worker that moved ahead, merely makes
 * entries miss.
 */
export class FoldCache {
  readonly #max: number;
  readonly #entries = new Map<string, CachedHousehold>();

  constructor(max: number) {
    this.#max = max;
  }

  get(householdId: string): CachedHousehold | undefined {
    return this.#entries.get(householdId);
  }

  set(householdId: string, entry: CachedHousehold): void {
    this.#entries.delete(householdId);
    this.#entries.set(householdId, entry);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}
