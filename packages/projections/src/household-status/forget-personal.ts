import type { Kysely, Transaction } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/**
 * Removes what the household read models copied from the events' personal part: the head's name (and
 * its search form) and the ID-number digests. The household projection calls it, in its batch's
 * transaction, when it applies a PersonalDataErased event — the store erased the personal parts in
 * the transaction that appended that event, so a rebuild after it reads none either. A household
 * erased this way is no longer found by its name or any ID number, nor shown with its name.
 */
export async function forgetPersonalDataIn(
  trx: Transaction<ReadModelDatabase> | Kysely<ReadModelDatabase>,
  householdIds: readonly string[],
): Promise<void> {
  if (householdIds.length === 0) return;
  await trx
    .updateTable('household_status')
    .set({ head_name: null, head_name_search: null })
    .where('household_id', 'in', householdIds)
    .execute();
  await trx.deleteFrom('household_national_ids').where('household_id', 'in', householdIds).execute();
}

/** The same for one household, in a transaction of its own (tools, tests). */
export async function forgetHouseholdPersonalData(db: Kysely<ReadModelDatabase>, householdId: string): Promise<void> {
  await db.transaction().execute((trx) => forgetPersonalDataIn(trx, [householdId]));
}
