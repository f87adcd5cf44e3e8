import { randomBytes } from 'node:crypto';
import type { GatewayDb, UserAccountRow } from '../persistence/tables.js';
import {
  findUserByUsername,
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  updateUser,
} from '../persistence/users.js';
import { HttpProblem } from '../plugins/problem.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';

export const invalidCredentials = () =>
  new HttpProblem(401, 'INVALID_CREDENTIALS', 'Sign-in failed', 'the username or the password is wrong');

export const accountLocked = (until: Date | number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil((Number(until) - Date.now()) / 1000));
  return new HttpProblem(
    423,
    'ACCOUNT_LOCKED',
    'Account locked',
    `too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes or ask an administrator`,
    { retryAfterSeconds },
  );
};

/**
 * Failed sign-ins with usernames that do not exist, counted like real accounts' (in memory, bounded),
 * so that "locked" does not tell an attacker which usernames are real.
 */
class UnknownNameFailures {
  readonly #entries = new Map<string, { count: number; lockedUntil: number }>();

  lockedUntil(name: string, now: number): number | undefined {
    const entry = this.#entries.get(name);
    return entry && entry.lockedUntil > now ? entry.lockedUntil : undefined;
  }

  /** Counts a failure; the lock's end when this one locks. */
  fail(name: string, now: number): number | undefined {
    const entry = this.#entries.get(name) ?? { count: 0, lockedUntil: 0 };
    this.#entries.delete(name);
    if (this.#entries.size >= 10_000) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    entry.count += 1;
    if (entry.count >= LOCK_AFTER_FAILURES) {
      entry.count = 0;
      entry.lockedUntil = now + LOCK_MINUTES * 60_000;
    }
    this.#entries.set(name, entry);
    return entry.lockedUntil > now ? entry.lockedUntil : undefined;
  }
}

/**
 * Checks a username and password. Whether the user exists or not, a wrong pair costs one scrypt
 * verification and answers the same 401, and five consecutive failures lock for fifteen minutes.
 */
export class SignIn {
  readonly #db: GatewayDb;
  readonly #unknown = new UnknownNameFailures();
  /** What an unknown username's password is checked against: the same work as a real check. */
  readonly #decoy: Promise<string>;

  constructor(db: GatewayDb) {
    this.#db = db;
    this.#decoy = hashPassword(randomBytes(18).toString('base64url'));
    this.#decoy.catch(() => undefined);
  }

  /** Checks a password against an account's current hash, counting failures and honouring locks. */
  async checkPassword(user: UserAccountRow, password: string): Promise<boolean> {
    if (user.locked_until && user.locked_until.getTime() > Date.now()) throw accountLocked(user.locked_until);
    if (await verifyPassword(password, user.password_hash)) return true;
    const { lockedUntil } = await recordFailedSignIn(this.#db, user.id);
    if (lockedUntil && lockedUntil.getTime() > Date.now()) throw accountLocked(lockedUntil);
    return false;
  }

  /** The account signing in; 401 INVALID_CREDENTIALS, 423 ACCOUNT_LOCKED or 403 ACCOUNT_DISABLED. */
  async attempt(username: string, password: string): Promise<UserAccountRow> {
    const name = username.trim();
    const user = name.length <= 64 ? await findUserByUsername(this.#db, name) : undefined;
    if (!user) {
      const key = name.toLowerCase();
      const now = Date.now();
      const locked = this.#unknown.lockedUntil(key, now);
      if (locked) throw accountLocked(locked);
      await verifyPassword(password, await this.#decoy);
      const locks = this.#unknown.fail(key, now);
      throw locks ? accountLocked(locks) : invalidCredentials();
    }
    if (!(await this.checkPassword(user, password))) throw invalidCredentials();
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabled)
      throw new HttpProblem(
        403,
        'ACCOUNT_DISABLED',
        'Account disabled',
        'this account is disabled; ask an administrator',
      );
    await recordSuccessfulSignIn(this.#db, user.id);
    if (needsRehash(user.password_hash)) {
      await updateUser(this.#db, user.id, { password_hash: await hashPassword(password) });
    }
    return user;
  }
}
