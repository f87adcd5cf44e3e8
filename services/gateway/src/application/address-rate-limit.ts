import { HttpProblem } from '../plugins/problem.js';
import { WindowCounter } from './window-counter.js';

/** The answer to a client over its limit: how long until it may try again, in whole seconds (at least 1). */
export function rateLimited(limit: number, per: string, resetsInMs: number): HttpProblem {
  const retryAfterSeconds = Math.max(1, Math.ceil(resetsInMs / 1000));
  return new HttpProblem(
    429,
    'RATE_LIMITED',
    'Too many requests',
    `more than ${limit} requests a minute ${per}; retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}

/**
 * The budget of requests per minute of one client address that carry no valid credentials: requests
 * to public routes (/ready reads the database, sign-in hashes a password) and failed authentications.
 * Authenticated requests are limited per token instead, so people behind one address (an office, a
 * mobile carrier) are not refused for each other's sake.
 */
export class AddressRateLimit {
  readonly #counter: WindowCounter;

  constructor(readonly perMinute: number) {
    this.#counter = new WindowCounter(perMinute, 60_000);
  }

  /** Spends one request of `address`'s budget; throws 429 RATE_LIMITED once the budget is spent. */
  spend(address: string): void {
    const { allowed, resetsInMs } = this.#counter.hit(address);
    if (!allowed) throw rateLimited(this.perMinute, 'from this address without valid credentials', resetsInMs);
  }
}
