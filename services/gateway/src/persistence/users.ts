import { sql, type Updateable } from 'kysely';
import type { GatewayDb, NewUserAccount, UserAccountRow, UserAccountTable } from './tables.js';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** The account named `username`, whatever its case. */
export function findUserByUsername(db: GatewayDb, username: string): Promise<UserAccountRow | undefined> {
  return db
    .selectFrom('user_account')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: GatewayDb, id: string): Promise<UserAccountRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By username; `after` is a keyset cursor (the last username of the previous page). */
export function listUsers(db: GatewayDb, q: { limit: number; after?: string }): Promise<UserAccountRow[]> {
  let query = db.selectFrom('user_account').selectAll().orderBy(sql`lower(username)`).limit(q.limit);
  if (q.after) query = query.where(sql<string>`lower(username)`, '>', q.after.toLowerCase());
  return query.execute();
}

/** Inserts an account; undefined when the username is taken (in any case). */
export async function insertUser(db: GatewayDb, user: NewUserAccount): Promise<UserAccountRow | undefined> {
  return db
    .insertInto('user_account')
    .values(user)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export type UserChanges = Omit<Updateable<UserAccountTable>, 'id' | 'username' | 'created_at' | 'updated_at'>;

export function updateUser(db: GatewayDb, id: string, changes: UserChanges): Promise<UserAccountRow | undefined> {
  return db
    .updateTable('user_account')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Counts a failed sign-in in one statement (parallel attempts cannot lose a count); the failure that
 * reaches the limit locks the account and starts the count again for after the lock.
 */
export async function recordFailedSignIn(db: GatewayDb, id: string): Promise<{ lockedUntil: Date | null }> {
  const row = await db
    .updateTable('user_account')
    .set({
      failed_attempts: sql`CASE WHEN failed_attempts + 1 >= ${LOCK_AFTER_FAILURES} THEN 0 ELSE failed_attempts + 1 END`,
      locked_until: sql`CASE WHEN failed_attempts + 1 >= ${LOCK_AFTER_FAILURES}
        THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END`,
    })
    .where('id', '=', id)
    .returning('locked_until')
    .executeTakeFirst();
  return { lockedUntil: row?.locked_until ?? null };
}

/** A successful sign-in ends the run of failures. */
export async function recordSuccessfulSignIn(db: GatewayDb, id: string): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('failed_attempts', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

/** Enabled administrators other than `exceptId`, locked for the rest of the transaction. */
export async function otherEnabledAdmins(db: GatewayDb, exceptId: string): Promise<number> {
  const rows = await db
    .selectFrom('user_account')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('id', '!=', exceptId)
    .forUpdate()
    .execute();
  return rows.length;
}
