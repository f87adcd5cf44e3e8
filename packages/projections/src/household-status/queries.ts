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

export interface HouseholdListQuery {
  unitCodes: readonly string[];
  classification?: HouseholdStatusRow['classification'];
  /** Active or closed households only. */
  status?: HouseholdStatusRow['status'];
  /** Keyset cursor: households with a larger id. */
  afterId?: string;
  limit: number;
}

/** A page of households of the given units, ordered by id (stable under concurrent writes). */
export async function listHouseholds(
  db: Kysely<ReadModelDatabase>,
  q: HouseholdListQuery,
): Promise<HouseholdStatusRow[]> {
  if (q.unitCodes.length === 0) return [];
  let query = db
    .selectFrom('household_status')
    .selectAll()
    .where('unit_code', 'in', [...q.unitCodes])
    .orderBy('household_id')
    .limit(q.limit);
  if (q.classification) query = query.where('classification', '=', q.classification);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.afterId) query = query.where('household_id', '>', q.afterId);
  return query.execute();
}
