import type { Insertable, Selectable } from 'kysely';

/**
 * Where each household stood, over time: one row per stretch of days it was recorded in one unit with
 * one classification (its latest counting review), from `valid_from` up to `valid_to` (exclusive; null
 * while it lasts). A move or a review that changes the classification starts a new spell; a closure
 * ends the last. A unit's poor list at the end of year Y is its spells of `poor` covering Y-12-31,
 * whether or not the household was reviewed in Y.
 */
export interface ListSpellsTable {
  household_id: string;
  /** 0, 1, … in date order. */
  spell_no: number;
  unit_code: string;
  classification: 'poor' | 'near_poor' | 'non_poor';
  valid_from: string;
  valid_to: string | null;
}

export type ListSpellsRow = Selectable<ListSpellsTable>;
export type NewListSpells = Insertable<ListSpellsTable>;
