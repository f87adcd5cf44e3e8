import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { HouseholdStatusRow } from '../tables/household-status.js';

/** One household's current status row. */
export async function getHouseholdStatus(
  db: Kysely<ReadModelDatabase>,
  householdId: string,
): Promise<HouseholdStatusRow | undefined> {
  return db.selectFrom('household_status').selectAll().where('household_id', '=', householdId).executeTakeFirst();
}
