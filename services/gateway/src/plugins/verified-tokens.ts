/**
 * Bearer tokens already verified by this process, by their exact compact string, with their expiry.
 *
 * Clients send the same token on every request until it expires, and checking an HS256 signature
 * (plus the claim checks around it) is the largest fixed cost of a request. A token that verified once
 * stays valid until its `exp`: the string cannot change without breaking the signature, and benvung has
 * no revocation list. So a hit is as good as a fresh verification while `exp` is still ahead; once it
 * has passed, the entry is dropped and the token goes through full verification again (and fails as
 * expired). Only successful verifications are kept, and the map is bounded: the oldest entry gives way.
 */
export class VerifiedTokens<Claims> {
  readonly #entries = new Map<string, { claims: Claims; expiresAt: number }>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  /** The claims of `token` if it verified before and `exp` (seconds since the epoch) is still ahead of `nowSeconds`. */
  get(token: string, nowSeconds: number): Claims | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    // The same rule as the verifier's: a token is expired from the second of its `exp` on.
    if (entry.expiresAt <= nowSeconds) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  set(token: string, claims: Claims, expiresAt: number): void {
    if (this.#entries.size >= this.#maxEntries && !this.#entries.has(token)) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { claims, expiresAt });
  }

  get size(): number {
    return this.#entries.size;
  }
}
