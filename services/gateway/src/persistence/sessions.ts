import { sql } from 'kysely';
import type { Role } from '../plugins/auth.js';
import type { GatewayDb } from './tables.js';

export async function insertSession(
  db: GatewayDb,
  session: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt })
    .execute();
}

/** A session that may still be used, with its account as it is now. */
export interface LiveSession {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  units: readonly string[];
  mustChangePassword: boolean;
  expiresAt: Date;
}

/** The session if it is not revoked, not past its end, and its account is not disabled. */
export async function findLiveSession(db: GatewayDb, id: string): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.expires_at',
      'u.username',
      'u.display_name',
      'u.role',
      'u.units',
      'u.must_change_password',
    ])
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    units: Object.freeze([...row.units]),
    mustChangePassword: row.must_change_password,
    expiresAt: row.expires_at,
  };
}

/** Deletes a user's sessions that ended more than `days` ago: the table does not grow without end. */
export async function pruneSessions(db: GatewayDb, userId: string, days: number): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('expires_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .execute();
}

export async function touchSession(db: GatewayDb, id: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeSession(db: GatewayDb, id: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user but `exceptId` (the one changing the password keeps going). */
export async function revokeUserSessions(db: GatewayDb, userId: string, exceptId?: string): Promise<void> {
  let query = db
    .updateTable('user_session')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}
