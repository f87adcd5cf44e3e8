import type { HouseholdBook } from './book.js';
import { derive } from './fold-cache.js';
import { statusRow } from './status-row.js';
import type { UnitYearDeltas } from './unit-year.js';
import type { BatchWrites } from './write-statement.js';

/**
 * Adds what the book owes for these households to `w` and forgets it: each one's status row, its
 * episodes, list spells and movements if they differ from what the tables hold, and the difference its unit-year contributions
 * make to the counts.
 */
export function addOwedWrites(
  book: HouseholdBook,
  householdIds: Iterable<string>,
  w: BatchWrites,
  deltas: UnitYearDeltas,
): void {
  for (const id of householdIds) {
    const owed = book.pending.get(id);
    if (!owed) continue;
    book.pending.delete(id);
    const { entry } = owed;
    const stamp = { position: owed.position, recordedAt: owed.recordedAt, headName: owed.headName };
    const row = statusRow(id, entry.fold, stamp, book.units);
    if (row) w.status.push(row);

    if (!owed.analytics) continue;
    const current = derive(id, entry.fold, book.units);
    if (current.episodesKey !== entry.stored.episodesKey) {
      w.episodeHouseholds.push(id);
      w.episodes.push(...current.episodes);
    }
    if (current.spellsKey !== entry.stored.spellsKey) {
      w.spellHouseholds.push({ householdId: id, count: current.spells.length });
      w.spells.push(...current.spells);
    }
    if (current.movementsKey !== entry.stored.movementsKey) {
      w.movementHouseholds.push({ householdId: id, count: current.movements.length });
      w.movements.push(...current.movements);
    }
    deltas.add(entry.stored.contributions, -1);
    deltas.add(current.contributions, 1);
    entry.stored = current;
  }
}
