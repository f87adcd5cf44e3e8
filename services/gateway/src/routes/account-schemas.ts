import { UnitCode } from '@benvung/domain';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../application/password-policy.js';
import type { UserAccountRow } from '../persistence/tables.js';
import { Role } from '../plugins/auth.js';

export const Username = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/, '3–64 letters, digits, dots, dashes, underscores or @')
  .describe('Sign-in name: 3–64 characters (letters, digits, . _ - @), unique whatever its case');
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('The name shown in the app, e.g. "Nguyễn Thị Lan"');
export const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const Units = z
  .array(UnitCode)
  .max(500)
  .describe('Unit codes the user may act on (a province covers its communes); each must be a known unit');

/** The signed-in user, as the web app shows it. */
export const SignedInUser = z.object({
  id: z.uuid().describe('Account id (the `sub` of its tokens and the actor id of its events)'),
  username: z.string().describe('Sign-in name'),
  displayName: z.string().describe('Name shown in the app'),
  role: Role.describe('What the user may do'),
  units: z.array(z.string()).describe('Unit codes the user may act on'),
  mustChangePassword: z
    .boolean()
    .describe('True after a one-time password: only /v1/auth routes answer until the password is changed'),
});

/** An account as administrators see it. */
export const UserAccount = SignedInUser.extend({
  disabled: z.boolean().describe('A disabled account cannot sign in and its sessions are ended'),
  lockedUntil: z.iso
    .datetime()
    .nullable()
    .describe('End of the lock after repeated failed sign-ins; null when not locked'),
  failedAttempts: z.number().int().describe('Consecutive failed sign-ins since the last success or lock'),
  createdAt: z.iso.datetime().describe('When the account was created'),
  updatedAt: z.iso.datetime().describe('When the account last changed'),
});

export const signedInUser = (u: UserAccountRow): z.infer<typeof SignedInUser> => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  units: [...u.units],
  mustChangePassword: u.must_change_password,
});

export const userAccount = (u: UserAccountRow): z.infer<typeof UserAccount> => ({
  ...signedInUser(u),
  disabled: u.disabled,
  lockedUntil: u.locked_until && u.locked_until.getTime() > Date.now() ? u.locked_until.toISOString() : null,
  failedAttempts: u.failed_attempts,
  createdAt: u.created_at.toISOString(),
  updatedAt: u.updated_at.toISOString(),
});
