import { createHmac, timingSafeEqual, webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Role } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/problem.js';
import { CLOCK_TOLERANCE_SECONDS, DEFAULT_TOKEN_POLICY, lifetimeProblem, type TokenPolicy } from './token-policy.js';

/** A cookie token lives briefly; the session row behind it decides how long one stays signed in. */
export const SESSION_TOKEN_SECONDS = 15 * 60;
/** However active, a session ends this long after sign-in. */
export const SESSION_LIFETIME_SECONDS = 12 * 3600;
/**
 * Session tokens are signed with the bearer secret, so they carry an audience (and a `sid`) that the
 * bearer verifier refuses: a token lifted from the cookie cannot skip revocation or the CSRF check.
 */
export const SESSION_AUDIENCE = 'benvung-web-session';

/** Role and units are in the token for readers of it; requests use the account's current ones. */
const SessionClaims = z.object({
  sub: z.string().min(1),
  sid: z.uuid(),
  iat: z.number(),
  exp: z.number(),
});
export type SessionClaims = z.infer<typeof SessionClaims>;

const problem = (code: string, detail: string) => new HttpProblem(401, code, 'Authentication required', detail);

/** Signs and checks the session cookie's token and the CSRF token bound to a session. */
export class SessionTokens {
  readonly #secret: Uint8Array;
  readonly #policy: TokenPolicy;
  readonly #csrfKey: Buffer;
  #verifyKey: Promise<webcrypto.CryptoKey> | undefined;

  /** `policy`: the installation's token rules (issuer, longest life); the audience is always SESSION_AUDIENCE. */
  constructor(secret: Uint8Array, policy: TokenPolicy = DEFAULT_TOKEN_POLICY) {
    this.#secret = secret;
    this.#policy = policy;
    // A key of its own, derived so that no second secret has to be managed.
    this.#csrfKey = createHmac('sha256', secret).update('benvung csrf key v1').digest();
  }

  /**
   * A token for `sid`, ending after SESSION_TOKEN_SECONDS or with the session, whichever is first (and
   * never living longer than the policy allows); it names the installation's issuer when there is one.
   */
  sign(claims: { sub: string; role: Role; units: readonly string[]; sid: string }, sessionEnds: Date): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = Math.min(
      now + SESSION_TOKEN_SECONDS,
      now + this.#policy.maxLifetimeSeconds,
      Math.floor(sessionEnds.getTime() / 1000),
    );
    const token = new SignJWT({ role: claims.role, units: [...claims.units], sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp);
    if (this.#policy.issuer !== undefined) token.setIssuer(this.#policy.issuer);
    return token.sign(this.#secret);
  }

  /** The claims of a cookie token; 401 SESSION_EXPIRED or UNAUTHENTICATED otherwise. */
  async verify(token: string): Promise<SessionClaims> {
    this.#verifyKey ??= webcrypto.subtle.importKey('raw', this.#secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    try {
      const { payload } = await jwtVerify(token, await this.#verifyKey, {
        algorithms: ['HS256'],
        audience: SESSION_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(this.#policy.issuer !== undefined ? { issuer: this.#policy.issuer } : {}),
      });
      if (lifetimeProblem(payload, this.#policy)) throw problem('UNAUTHENTICATED', 'the session cookie is not valid');
      const claims = SessionClaims.safeParse(payload);
      if (!claims.success) throw problem('UNAUTHENTICATED', 'the session cookie is not valid');
      return claims.data;
    } catch (err) {
      if (err instanceof HttpProblem) throw err;
      if (err instanceof joseErrors.JWTExpired)
        throw problem('SESSION_EXPIRED', 'the session has expired; sign in again');
      throw problem('UNAUTHENTICATED', 'the session cookie is not valid');
    }
  }

  /**
   * The CSRF token of a session: an HMAC of its id, so it needs no storage, survives token renewal,
   * and a value planted by another site (or a sibling subdomain) cannot match.
   */
  csrfToken(sid: string): string {
    return createHmac('sha256', this.#csrfKey).update(sid).digest('base64url');
  }

  csrfValid(sid: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(this.csrfToken(sid));
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Whether a token issued at `iat` (seconds) has used more than half of its life and should be renewed. */
export const dueForRenewal = (claims: Pick<SessionClaims, 'iat'>, nowSeconds = Date.now() / 1000): boolean =>
  nowSeconds - claims.iat > SESSION_TOKEN_SECONDS / 2;
