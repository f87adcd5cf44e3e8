import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../application/password-hash.js';
import { assertAcceptablePassword } from '../application/password-policy.js';
import { SignIn } from '../application/sign-in.js';
import { findUserById, updateUser } from '../persistence/users.js';
import { Role } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/problem.js';
import { CSRF_COOKIE, clearSessionCookies, setSessionCookies } from '../plugins/session-cookies.js';
import { Password, SignedInUser, signedInUser } from './account-schemas.js';
import { ProblemSchema } from './schemas.js';

const SignedIn = z.object({
  user: SignedInUser,
  csrfToken: z
    .string()
    .describe(
      `Send it in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE (also in the ${CSRF_COOKIE} cookie)`,
    ),
});

/** A cross-site HTML form can post only urlencoded, multipart or text bodies: demanding JSON stops it. */
async function requireJson(request: FastifyRequest) {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'JSON_REQUIRED', 'JSON required', 'send the credentials as application/json');
  }
}

/** A locked account's answer says when to try again (the problem handler does so only for 429 and 503). */
const retryAfterOnLock = (reply: FastifyReply) => (err: unknown) => {
  if (err instanceof HttpProblem && err.code === 'ACCOUNT_LOCKED')
    reply.header('retry-after', String(err.extensions.retryAfterSeconds));
  throw err;
};

/** Signing in and out of the web app, the signed-in user, and changing one's own password. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const signIn = new SignIn(app.deps.db);
  // Answers carry CSRF tokens and account details: no cache may keep them.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/v1/auth/sign-in',
    {
      config: { public: true },
      onRequest: requireJson,
      schema: {
        tags: ['auth'],
        operationId: 'signIn',
        summary: 'Sign in with a username and password',
        description:
          'Starts a session: sets the HttpOnly `benvung_session` cookie and the `benvung_csrf` cookie, and ' +
          'answers the user and the CSRF token to send in X-CSRF-Token on unsafe requests. A wrong username ' +
          'or password answers 401 INVALID_CREDENTIALS either way; five consecutive failures lock the ' +
          'account for 15 minutes (423 ACCOUNT_LOCKED with Retry-After). The body must be application/json.',
        security: [],
        body: z.object({
          username: z.string().min(1).max(200).describe('Sign-in name (any case)'),
          password: Password.describe('The password'),
        }),
        response: {
          200: SignedIn,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          415: ProblemSchema,
          423: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const user = await signIn.attempt(request.body.username, request.body.password).catch(retryAfterOnLock(reply));
      const issued = await app.sessions.start(user);
      request.log.info({ userId: user.id, sessionId: issued.session.id }, 'signed in');
      setSessionCookies(request, reply, issued);
      return { user: signedInUser(user), csrfToken: issued.csrfToken };
    },
  );

  app.post(
    '/v1/auth/sign-out',
    {
      config: { whilePasswordChangeRequired: true },
      schema: {
        tags: ['auth'],
        operationId: 'signOut',
        summary: 'Sign out',
        description:
          'Ends the session of the cookie (it cannot be used again, not even by a copy of the cookie) and ' +
          'clears both cookies. With a bearer token there is no session: it only clears cookies.',
        response: {
          204: z.null().describe('Signed out'),
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      if (request.authSession) await app.sessions.end(request.authSession.id);
      clearSessionCookies(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/auth/me',
    {
      config: { whilePasswordChangeRequired: true },
      schema: {
        tags: ['auth'],
        operationId: 'getCurrentUser',
        summary: 'The signed-in user and a CSRF token',
        description:
          'For a session: the user, the CSRF token (after a page reload the app reads it here or from the ' +
          '`benvung_csrf` cookie) and when the session ends. For a bearer token: its claims, without a ' +
          'username or CSRF token.',
        response: {
          200: z.object({
            via: z.enum(['session', 'bearer']).describe('How the request was authenticated'),
            user: z.object({
              id: z.string().describe('Account id (session) or the token’s `sub` (bearer)'),
              username: z.string().nullable().describe('Sign-in name; null for a bearer token'),
              displayName: z.string().nullable().describe('Name shown in the app; null for a bearer token'),
              role: Role.describe('What the user may do'),
              units: z.array(z.string()).describe('Unit codes the user may act on'),
              mustChangePassword: z.boolean().describe('Only /v1/auth routes answer until the password is changed'),
            }),
            csrfToken: z.string().nullable().describe('For X-CSRF-Token; null for a bearer token'),
            sessionExpiresAt: z.iso
              .datetime()
              .nullable()
              .describe('When the session ends however active it is (12 hours after sign-in); null for bearer'),
          }),
          401: ProblemSchema,
        },
      },
    },
    async (request) => {
      const s = request.authSession;
      if (!s) {
        return {
          via: 'bearer' as const,
          user: {
            id: request.actor.id,
            username: null,
            displayName: null,
            role: Role.parse(request.actor.role),
            units: [...request.units],
            mustChangePassword: false,
          },
          csrfToken: null,
          sessionExpiresAt: null,
        };
      }
      return {
        via: 'session' as const,
        user: {
          id: s.userId,
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          units: [...s.units],
          mustChangePassword: s.mustChangePassword,
        },
        csrfToken: app.sessions.csrfToken(s.id),
        sessionExpiresAt: s.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/v1/auth/password',
    {
      config: { whilePasswordChangeRequired: true },
      schema: {
        tags: ['auth'],
        operationId: 'changePassword',
        summary: 'Change one’s own password',
        description:
          'Needs the current password. Ends every other session of the account and clears the ' +
          'must-change flag of a one-time password; this session goes on. Wrong current passwords count ' +
          'towards the lock like failed sign-ins. Sessions only: a bearer token has no password.',
        body: z.object({
          currentPassword: Password.describe('The password in use now (or the one-time password)'),
          newPassword: Password.describe('At least 10 characters, not the username'),
        }),
        response: {
          200: z.object({ user: SignedInUser }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
          423: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const session = request.authSession;
      if (!session) {
        throw new HttpProblem(403, 'SESSION_REQUIRED', 'Not allowed', 'sign in to change a password');
      }
      const user = await findUserById(app.deps.db, session.userId);
      if (!user) throw new HttpProblem(401, 'SESSION_REVOKED', 'Authentication required', 'the account is gone');
      const { currentPassword, newPassword } = request.body;
      const ok = await signIn.checkPassword(user, currentPassword).catch(retryAfterOnLock(reply));
      if (!ok) {
        throw new HttpProblem(
          422,
          'CURRENT_PASSWORD_INCORRECT',
          'Password not changed',
          'the current password is wrong',
        );
      }
      assertAcceptablePassword(newPassword, user.username);
      if (newPassword === currentPassword) {
        throw new HttpProblem(422, 'PASSWORD_UNCHANGED', 'Password not changed', 'choose a new password');
      }
      const updated = await updateUser(app.deps.db, user.id, {
        password_hash: await hashPassword(newPassword),
        must_change_password: false,
        failed_attempts: 0,
        locked_until: null,
      });
      await app.sessions.endAllOf(user.id, session.id);
      request.log.info({ userId: user.id }, 'password changed; other sessions ended');
      return { user: signedInUser(updated ?? user) };
    },
  );
};
