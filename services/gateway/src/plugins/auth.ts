import { webcrypto } from 'node:crypto';
import { type Actor, UnitCode } from '@benvung/domain';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { Sessions } from '../application/sessions.js';
import type { LiveSession } from '../persistence/sessions.js';
import { HttpProblem } from './problem.js';
import { authenticateByCookie, hasSessionCookie } from './session-cookies.js';
import { VerifiedTokens } from './verified-tokens.js';

export const Role = z.enum(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

/** The claims benvung reads from a token; anything else in it is ignored. */
export const TokenClaims = z.object({
  sub: z.string().min(1).max(200),
  role: Role,
  units: z.array(UnitCode).max(500).default([]),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Unit codes the caller may act on (a province covers its communes). */
    units: readonly string[];
    /** The web app's session when the request came with its cookie (bearer requests have none). */
    authSession: LiveSession | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; checked after authentication. */
    roles?: readonly Role[];
    /** Reachable without credentials (sign-in only). */
    public?: boolean;
    /** Answers a session whose one-time password is not changed yet (sign-out, me, password). */
    whilePasswordChangeRequired?: boolean;
  }
  interface FastifyInstance {
    /** Sessions of the web app (cookie tokens, revocation, CSRF tokens). */
    sessions: Sessions;
  }
}

const unauthorized = (detail: string) => new HttpProblem(401, 'UNAUTHENTICATED', 'Authentication required', detail);

/** Verifies an HS256 bearer header and returns its claims; every failure is a 401 with a reason. */
export type BearerVerifier = (header: string | undefined) => Promise<TokenClaims>;

/**
 * A verifier for one secret. The HMAC key is imported once (not on every request), and a token that
 * verified is remembered until its expiry (see VerifiedTokens), so a client's repeated requests skip
 * the signature check; anything not remembered is verified in full.
 */
export function bearerVerifier(secret: Uint8Array): BearerVerifier {
  let key: Promise<webcrypto.CryptoKey> | undefined;
  const hmacKey = () => {
    key ??= webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    return key;
  };
  const verified = new VerifiedTokens<TokenClaims>();
  return async (header) => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '');
    const token = match?.[1];
    if (!token) throw unauthorized('send Authorization: Bearer <token>');
    const known = verified.get(token, Math.floor(Date.now() / 1000));
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, await hmacKey(), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      // A session cookie's token (it names its session) is signed with the same secret; as a bearer it
      // would skip revocation and the CSRF check.
      if (payload.sid !== undefined) throw unauthorized('a session token is not a bearer token');
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success) throw unauthorized(`token claims are not valid: ${claims.error.issues[0]?.message ?? ''}`);
      // Shared by every request with this token: nobody may change it.
      Object.freeze(claims.data.units);
      verified.set(token, Object.freeze(claims.data), payload.exp as number);
      return claims.data;
    } catch (err) {
      if (err instanceof HttpProblem) throw err;
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('token expired');
      throw unauthorized('token not valid');
    }
  };
}

/**
 * Authentication and role checks for every route registered in the same scope (the /v1 API): a bearer
 * token (scripts) or, without an Authorization header, the web app's session cookie.
 * Unit scoping happens in the handlers, which know the household's unit: outside the caller's units
 * a household answers 404, never 403, so its existence does not leak.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: { secret: Uint8Array }) => {
    app.decorateRequest('actor', { getter: () => ({ id: 'anonymous', role: 'system' as const }) });
    app.decorateRequest('units', { getter: () => [] as readonly string[] });
    app.decorateRequest('authSession', null);
    if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
    const sessions = new Sessions(app.deps.db, options.secret);
    app.decorate('sessions', sessions);
    const verifyBearer = bearerVerifier(options.secret);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.routeOptions.config.public) return;
      // A bearer header wins over cookies: scripts keep working in a browser that is signed in.
      const claims =
        request.headers.authorization === undefined && hasSessionCookie(request)
          ? await authenticateByCookie(request, reply, sessions)
          : await verifyBearer(request.headers.authorization).catch((err: unknown) => {
              reply.header('www-authenticate', 'Bearer realm="benvung"');
              throw err;
            });
      Object.defineProperty(request, 'actor', { value: { id: claims.sub, role: claims.role } });
      Object.defineProperty(request, 'units', { value: claims.units });
      if ('session' in claims) request.authSession = claims.session;
      const roles = request.routeOptions.config.roles;
      if (roles && !roles.includes(claims.role)) {
        throw new HttpProblem(
          403,
          'FORBIDDEN',
          'Not allowed',
          `role ${claims.role} may not ${request.method} this resource`,
        );
      }
    });
  },
  { name: 'auth' },
);
