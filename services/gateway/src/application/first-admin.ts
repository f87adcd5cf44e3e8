import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayDb } from '../persistence/tables.js';
import { hashPassword } from './password-hash.js';
import { generateOneTimePassword } from './password-policy.js';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * On a database without accounts, creates `admin` so that someone can sign in and create the others:
 * with ADMIN_PASSWORD when it is set, else with a one-time password that is logged once and must be
 * changed at the first sign-in. Two gateways starting at once create one admin: the insert runs only
 * while the table is empty and the unique username makes the loser's insert do nothing.
 */
export async function ensureFirstAdmin(db: GatewayDb, options: { password?: string; logger: Logger }): Promise<void> {
  const any = await db.selectFrom('user_account').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const generated = options.password === undefined;
  const password = options.password ?? generateOneTimePassword();
  const hash = await hashPassword(password);
  const created = await sql<{ id: string }>`
    INSERT INTO user_account (id, username, display_name, role, units, password_hash, must_change_password)
    SELECT ${randomUUID()}, ${FIRST_ADMIN_USERNAME}, 'Quản trị viên', 'admin', '{}'::text[], ${hash}, ${generated}
    WHERE NOT EXISTS (SELECT 1 FROM user_account)
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(db);
  if (created.rows.length === 0) return;
  if (generated) {
    // Deliberately in the message (not a field the redaction would hide): this line is the only way
    // to learn the password, and the account must change it at its first sign-in.
    options.logger.warn(
      `first start: created the administrator account "${FIRST_ADMIN_USERNAME}" with the one-time password ` +
        `${password} — it is shown only this once; sign in and change it now`,
    );
  } else {
    options.logger.info(
      `first start: created the administrator account "${FIRST_ADMIN_USERNAME}" with the password from ADMIN_PASSWORD`,
    );
  }
}
