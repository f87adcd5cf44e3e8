import { webcrypto } from 'node:crypto';
import { type Actor, forbiddenCharacterIn, UnitCode } from '@benvung/domain';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { Sessions } from '../application/sessions.js';
import {
  CLOCK_TOLERANCE_SECONDS,
  DEFAULT_TOKEN_POLICY,
  lifetimeProblem,
  type TokenPolicy,
} from '../application/token-policy.js';
import type { LiveSession } from '../persistence/sessions.js';
import { HttpProblem } from './problem.js';
import { authenticateByCookie, hasSessionCookie } from './session-cookies.js';
import { VerifiedTokens } from './verified-tokens.js';

export const Role = z.enum(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * The claims benvung reads from a token; anything else in it is ignored. The subject becomes the actor
 * of every event and log line: one line of printable text, like a name (no NUL, control, bidi-override
 * character or lone surrogate, which the store cannot hold or which would disguise who acted).
 */
export const TokenClaims = z.object({
  sub: z
    .string()
    .min(1)
    .max(200)
    .refine((sub) => forbiddenCharacterIn(sub, { allowLineBreaks: false }) === undefined, 'sub must be printable text'),
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
 * A verifier for one secret and token policy (lifetime, issuer, audience). The HMAC key is imported
 * once (not on every request), and a token that verified is remembered until its expiry (see
 * VerifiedTokens), so a client's repeated requests skip the signature check; anything not remembered
 * is verified in full.
 */
export function bearerVerifier(secret: Uint8Array, policy: TokenPolicy = DEFAULT_TOKEN_POLICY): BearerVerifier {
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
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(policy.issuer !== undefined ? { issuer: policy.issuer } : {}),
        ...(policy.audience !== undefined ? { audience: policy.audience } : {}),
      });
      // A session cookie's token (it names its session) is signed with the same secret; as a bearer it
      // would skip revocation and the CSRF check.
      if (payload.sid !== undefined) throw unauthorized('a session token is not a bearer token');
      const tooLong = lifetimeProblem(payload, policy);
      if (tooLong) throw unauthorized(tooLong);
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
  async (
    app: FastifyInstance,
    options: {
      secret: Uint8Array;
      tokenPolicy?: TokenPolicy;
      /** Called before a 401 is answered; throws to answer otherwise (429 once an address's budget is spent). */
      onUnauthenticated?: (request: FastifyRequest) => void;
    },
  ) => {
    app.decorateRequest('actor', { getter: () => ({ id: 'anonymous', role: 'system' as const }) });
    app.decorateRequest('units', { getter: () => [] as readonly string[] });
    app.decorateRequest('authSession', null);
    if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
    const policy = options.tokenPolicy ?? DEFAULT_TOKEN_POLICY;
    const sessions = new Sessions(app.deps.db, options.secret, policy);
    app.decorate('sessions', sessions);
    const verifyBearer = bearerVerifier(options.secret, policy);
    // A failed authentication is counted (and may be answered 429) before it is answered 401.
    const refused = (request: FastifyRequest, reply: FastifyReply, bearer: boolean) => (err: unknown) => {
      if (err instanceof HttpProblem && err.status === 401) {
        options.onUnauthenticated?.(request);
        if (bearer) reply.header('www-authenticate', 'Bearer realm="benvung"');
      }
      throw err;
    };
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.routeOptions.config.public) return;
      // A bearer header wins over cookies: scripts keep working in a browser that is signed in.
      const claims =
        request.headers.authorization === undefined && hasSessionCookie(request)
          ? await authenticateByCookie(request, reply, sessions).catch(refused(request, reply, false))
          : await verifyBearer(request.headers.authorization).catch(refused(request, reply, true));
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
