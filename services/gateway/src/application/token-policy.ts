import type { JWTPayload } from 'jose';

/**
 * What a token must say besides its signature: how long it may live, and (when the installation
 * names them) who issued it and for whom. A token that lives for ever cannot be taken back: benvung
 * keeps no revocation list for bearer tokens, so their life is what bounds a leaked one.
 */
export interface TokenPolicy {
  /** The longest `exp` − `iat` accepted, in seconds. */
  maxLifetimeSeconds: number;
  /** Required `iss` when set. */
  issuer?: string;
  /** Required `aud` (of bearer tokens) when set. */
  audience?: string;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 12 * 3600 };

/** Clocks of the signer and of the gateway may differ by this much. */
export const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Why a verified payload's lifetime is not acceptable, or undefined when it is: `iat` and `exp` are
 * required, `iat` may not lie in the future (which would stretch the life), and `exp` − `iat` may not
 * exceed the policy's maximum.
 */
export function lifetimeProblem(
  payload: Pick<JWTPayload, 'iat' | 'exp'>,
  policy: TokenPolicy,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | undefined {
  const { iat, exp } = payload;
  if (typeof exp !== 'number') return 'the token has no expiry (exp)';
  if (typeof iat !== 'number') return 'the token has no issue time (iat)';
  if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) return 'the token is issued in the future (iat)';
  if (exp - iat > policy.maxLifetimeSeconds) {
    return `the token lives longer than ${policy.maxLifetimeSeconds} seconds (exp − iat)`;
  }
  return undefined;
}
