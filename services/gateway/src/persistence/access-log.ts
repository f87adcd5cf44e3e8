import { sql } from 'kysely';
import type { AccessLogRow, GatewayDb, NewAccessLog } from './tables.js';

export async function recordAccess(db: GatewayDb, entry: NewAccessLog): Promise<void> {
  await db.insertInto('access_log').values(entry).execute();
}

export interface AccessLogQuery {
  householdId?: string;
  actorId?: string;
  /** Keyset cursor: entries with a smaller id. */
  beforeId?: string;
  /** Only reads of households now in these units (an auditor's); absent: every household (an admin). */
  unitCodes?: readonly string[];
  limit: number;
}

/** Newest first. */
export async function listAccess(db: GatewayDb, q: AccessLogQuery): Promise<AccessLogRow[]> {
  let query = db.selectFrom('access_log').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.householdId) query = query.where('household_id', '=', q.householdId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  if (q.unitCodes) {
    const codes = [...q.unitCodes];
    query = query.where(
      sql<boolean>`household_id in (select household_id from household_status where unit_code = any(${codes}::text[]))`,
    );
  }
  return query.execute();
}
