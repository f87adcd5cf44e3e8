import type { Insertable, Selectable } from 'kysely';

/**
 * Private to the household projection: the domain fold's log of every household, without personal
 * data, in chunks (one per batch that touched the household; rewritten as one chunk after a void or
 * an amendment changes earlier entries). Read back only to replay a household after a correction or
 * a move, or when the projection's memory does not hold it.
 */
export interface HouseholdFoldLogTable {
  household_id: string;
  /** Stream version of the chunk's first entry. */
  first_version: number;
  last_version: number;
  /** JSON array of entries `{ v, id, e, x, a }`: version, event id, event as it counts now, voided, amended. */
  entries: unknown;
}

export type HouseholdFoldLogRow = Selectable<HouseholdFoldLogTable>;
export type NewHouseholdFoldLog = Insertable<HouseholdFoldLogTable>;
