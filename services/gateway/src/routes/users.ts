import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../application/password-hash.js';
import { assertAcceptablePassword, generateOneTimePassword } from '../application/password-policy.js';
import { today } from '../application/today.js';
import {
  findUserById,
  insertUser,
  listUsers,
  otherEnabledAdmins,
  type UserChanges,
  updateUser,
} from '../persistence/users.js';
import { Role } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/problem.js';
import { DisplayName, Password, Units, UserAccount, Username, userAccount } from './account-schemas.js';
import { ProblemSchema } from './schemas.js';

const admins = ['admin'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const IdParams = z.object({ id: z.uuid().describe('Account id') });
const OneTimePassword = z
  .string()
  .describe('One-time password, shown only in this answer; the user must change it at the first sign-in');

const userNotFound = (id: string) => new HttpProblem(404, 'USER_NOT_FOUND', 'Not found', `no account ${id}`);

/** Accounts of the web app, managed by administrators. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  // Answers carry one-time passwords and account details: no cache may keep them.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  /** Each code must be a unit the registry knows today; 422 UNKNOWN_UNIT names the others. */
  const knownUnits = (units: readonly string[]): string[] => {
    const codes = [...new Set(units)];
    const unknown = codes.filter((code) => !app.units.find(code, today()));
    if (unknown.length) {
      throw new HttpProblem(422, 'UNKNOWN_UNIT', 'Unknown unit', `no such unit today: ${unknown.join(', ')}`, {
        codes: unknown,
      });
    }
    return codes;
  };

  app.get(
    '/v1/admin/users',
    {
      config: { roles: admins },
      schema: {
        tags: ['admin', 'users'],
        operationId: 'listUsers',
        summary: 'Accounts, by username',
        description: 'Every account with its role, units and state (disabled, locked), a page at a time.',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(200).describe('Accounts per page'),
          after: z.string().max(64).optional().describe('The `nextAfter` of the previous page'),
        }),
        response: {
          200: z.object({
            users: z.array(UserAccount),
            nextAfter: z.string().optional().describe('Pass as `after` for the next page; absent on the last'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, after } = request.query;
      const rows = await listUsers(app.deps.db, { limit, ...(after ? { after } : {}) });
      const last = rows.at(-1);
      return { users: rows.map(userAccount), ...(last && rows.length === limit ? { nextAfter: last.username } : {}) };
    },
  );

  app.get(
    '/v1/admin/users/:id',
    {
      config: { roles: admins },
      schema: {
        tags: ['admin', 'users'],
        operationId: 'getUser',
        summary: 'One account',
        description: 'An account with its role, units and state.',
        params: IdParams,
        response: { 200: UserAccount, ...errors, 404: ProblemSchema },
      },
    },
    async (request) => {
      const user = await findUserById(app.deps.db, request.params.id);
      if (!user) throw userNotFound(request.params.id);
      return userAccount(user);
    },
  );

  app.post(
    '/v1/admin/users',
    {
      config: { roles: admins },
      schema: {
        tags: ['admin', 'users'],
        operationId: 'createUser',
        summary: 'Create an account',
        description:
          'Without a password, a one-time password is generated, answered once, and must be changed at the ' +
          'first sign-in. Unit codes must be units known today (422 UNKNOWN_UNIT); usernames are unique ' +
          'whatever their case (409 USERNAME_TAKEN).',
        body: z.object({
          username: Username,
          displayName: DisplayName,
          role: Role.describe('What the user may do'),
          units: Units.default([]),
          password: Password.optional().describe('At least 10 characters, not the username; omit for a one-time one'),
        }),
        response: {
          201: z.object({ user: UserAccount, oneTimePassword: OneTimePassword.optional() }),
          ...errors,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { username, displayName, role, password } = request.body;
      const units = knownUnits(request.body.units);
      if (password !== undefined) assertAcceptablePassword(password, username);
      const oneTimePassword = password === undefined ? generateOneTimePassword() : undefined;
      const created = await insertUser(app.deps.db, {
        id: randomUUID(),
        username,
        display_name: displayName,
        role,
        units,
        password_hash: await hashPassword(password ?? oneTimePassword ?? ''),
        must_change_password: oneTimePassword !== undefined,
      });
      if (!created) {
        throw new HttpProblem(409, 'USERNAME_TAKEN', 'Username taken', `the username ${username} is already in use`);
      }
      request.log.info({ userId: created.id, role }, 'account created');
      return reply
        .status(201)
        .header('location', `/v1/admin/users/${created.id}`)
        .send({ user: userAccount(created), ...(oneTimePassword ? { oneTimePassword } : {}) });
    },
  );

  app.patch(
    '/v1/admin/users/:id',
    {
      config: { roles: admins },
      schema: {
        tags: ['admin', 'users'],
        operationId: 'updateUser',
        summary: 'Change an account',
        description:
          'Changes the display name, role, units or disabled state; sessions see the change within seconds. ' +
          'Disabling ends the account’s sessions. The last enabled administrator can be neither disabled ' +
          'nor given another role (409 LAST_ADMIN).',
        params: IdParams,
        body: z.strictObject({
          displayName: DisplayName.optional(),
          role: Role.optional().describe('What the user may do'),
          units: Units.optional(),
          disabled: z.boolean().optional().describe('True: the account cannot sign in, its sessions end'),
        }),
        response: { 200: UserAccount, ...errors, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { displayName, role, units, disabled } = request.body;
      const changes: UserChanges = {
        ...(displayName !== undefined ? { display_name: displayName } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(units !== undefined ? { units: knownUnits(units) } : {}),
        ...(disabled !== undefined ? { disabled } : {}),
      };
      const updated = await app.deps.db.transaction().execute(async (tx) => {
        const current = await tx
          .selectFrom('user_account')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw userNotFound(id);
        const losesAdmin =
          current.role === 'admin' && !current.disabled && ((role && role !== 'admin') || disabled === true);
        if (losesAdmin && (await otherEnabledAdmins(tx, id)) === 0) {
          throw new HttpProblem(
            409,
            'LAST_ADMIN',
            'Last administrator',
            'this is the last enabled administrator: create or enable another one first',
          );
        }
        return updateUser(tx, id, changes);
      });
      if (!updated) throw userNotFound(id);
      if (disabled === true) await app.sessions.endAllOf(id);
      else app.sessions.forgetCached();
      request.log.info({ userId: id, changed: Object.keys(changes) }, 'account changed');
      return userAccount(updated);
    },
  );

  app.post(
    '/v1/admin/users/:id/password-reset',
    {
      config: { roles: admins },
      schema: {
        tags: ['admin', 'users'],
        operationId: 'resetUserPassword',
        summary: 'Give an account a new one-time password',
        description:
          'Replaces the password with a one-time password (answered once, to be changed at the next sign-in), ' +
          'unlocks the account and ends its sessions.',
        params: IdParams,
        response: {
          200: z.object({ user: UserAccount, oneTimePassword: OneTimePassword }),
          ...errors,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const oneTimePassword = generateOneTimePassword();
      const updated = await updateUser(app.deps.db, id, {
        password_hash: await hashPassword(oneTimePassword),
        must_change_password: true,
        failed_attempts: 0,
        locked_until: null,
      });
      if (!updated) throw userNotFound(id);
      await app.sessions.endAllOf(id);
      request.log.info({ userId: id }, 'password reset; sessions ended');
      return { user: userAccount(updated), oneTimePassword };
    },
  );
};
