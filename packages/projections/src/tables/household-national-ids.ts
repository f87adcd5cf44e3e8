import type { Insertable, Selectable } from 'kysely';

/**
 * The ID numbers a household can be found by (its registered head's and its listed members'), as
 * digests only: the numbers themselves stay in the events' erasable personal part. One row per person
 * with a number; a member taken off the list, or a number erased, has none.
 */
export interface HouseholdNationalIdsTable {
  household_id: string;
  /** The member's id, or the household's own id for the head named at registration. */
  member_key: string;
  /** `nationalIdDigest` of the number. */
  digest: string;
}

export type HouseholdNationalIdsRow = Selectable<HouseholdNationalIdsTable>;
export type NewHouseholdNationalIds = Insertable<HouseholdNationalIdsTable>;
