import { SignJWT } from 'jose';
import type { TokenClaims } from '../plugins/auth.js';

/** Signs an HS256 token for benvung (the `pnpm token` command and tests use it). */
export async function signToken(secret: Uint8Array, claims: TokenClaims, ttlSeconds = 12 * 3600): Promise<string> {
  return new SignJWT({ role: claims.role, units: claims.units })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secret);
}
