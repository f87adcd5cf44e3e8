import { SignJWT } from 'jose';
import type { TokenClaims } from '../plugins/auth.js';
import type { TokenPolicy } from './token-policy.js';

/**
 * Signs an HS256 token for benvung (the `pnpm token` command and tests use it), with the issuer and
 * audience of `policy` when it names them. A life longer than `policy.maxLifetimeSeconds` is refused
 * here, since the gateway would refuse the token.
 */
export async function signToken(
  secret: Uint8Array,
  claims: TokenClaims,
  ttlSeconds = 12 * 3600,
  policy: Partial<TokenPolicy> = {},
): Promise<string> {
  if (policy.maxLifetimeSeconds !== undefined && ttlSeconds > policy.maxLifetimeSeconds) {
    throw new Error(`a token may live at most ${policy.maxLifetimeSeconds} seconds, not ${ttlSeconds}`);
  }
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ role: claims.role, units: claims.units })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds);
  if (policy.issuer !== undefined) token.setIssuer(policy.issuer);
  if (policy.audience !== undefined) token.setAudience(policy.audience);
  return token.sign(secret);
}
