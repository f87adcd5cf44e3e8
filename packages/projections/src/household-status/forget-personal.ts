import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/**
 * The read models' part of erasing a household's personal data. The event store erases by setting
 * the events' personal part to NULL (the only change its history allows); the household projection
 * copied the head's name (and its search form) and the ID-number digests from it when it applied
 * those events, and never reads them again, so they are removed here, after the store: a household
 * erased this way is no longer found by its name or any ID number, nor shown with its name. A rebuild
 * of the projection after the erasure leaves them out too, as it reads the erased events.
 */
export async function forgetHouseholdPersonalData(db: Kysely<ReadModelDatabase>, householdId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('household_status')
      .set({ head_name: null, head_name_search: null })
      .where('household_id', '=', householdId)
      .execute();
    await trx.deleteFrom('household_national_ids').where('household_id', '=', householdId).execute();
  });
}
