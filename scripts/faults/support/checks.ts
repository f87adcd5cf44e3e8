import { expect } from 'vitest';
import type { Exchange } from './load.js';
import type { ReadySample } from './ready-sampler.js';

/** Answers of the data routes that are server errors other than 503 DATABASE_UNAVAILABLE: there must be none. */
export function serverErrors(exchanges: readonly Exchange[]): Exchange[] {
  return exchanges.filter((e) => e.status >= 500 && !(e.status === 503 && e.code === 'DATABASE_UNAVAILABLE'));
}

/** Every 503 is a proper problem with a Retry-After header. */
export function expectProperUnavailable(exchanges: readonly Exchange[]): void {
  for (const e of exchanges.filter((x) => x.status === 503)) {
    expect(e.code, JSON.stringify(e)).toBe('DATABASE_UNAVAILABLE');
    expect(e.contentType, JSON.stringify(e)).toContain('application/problem+json');
    expect(Number(e.retryAfter), JSON.stringify(e)).toBeGreaterThan(0);
  }
}

/** What every answer of /ready must be: `ready` exactly when the database answers and nothing stopped. */
export function expectConsistentReadiness(samples: readonly ReadySample[]): void {
  for (const s of samples.filter((x) => x.body)) {
    const body = s.body;
    if (!body) continue;
    const healthy = body.checks.database === 'ok' && !body.checks.projections.some((p) => p.state === 'stopped');
    expect(body.status, JSON.stringify(s)).toBe(healthy ? 'ready' : 'not_ready');
    expect(s.status, JSON.stringify(s)).toBe(healthy ? 200 : 503);
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts by status, for the scenario's report line. */
export function tally(exchanges: readonly Exchange[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of exchanges) {
    const key = e.code ? `${e.status} ${e.code}` : String(e.status);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
