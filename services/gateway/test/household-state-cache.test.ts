import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseholdStateCache } from '../src/application/household-state-cache.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { authHeaders, type RunningGateway, startGateway, TEST_JWT_SECRET } from './helpers.js';

describe('HouseholdStateCache', () => {
  const state = (version: number) => ({ version, state: { status: 'unregistered' } as never });

  it('forgets the least recently used household first', () => {
    const cache = new HouseholdStateCache(2);
    cache.set('a', state(1));
    cache.set('b', state(1));
    cache.get('a');
    cache.set('c', state(1));
    expect([cache.get('a')?.version, cache.get('b'), cache.get('c')?.version]).toEqual([1, undefined, 1]);
  });

  it('never goes back to an older version', () => {
    const cache = new HouseholdStateCache(10);
    cache.set('a', state(5));
    cache.set('a', state(3));
    expect(cache.get('a')?.version).toBe(5);
  });
});

describe('commands decided from cached state', () => {
  let gw: RunningGateway;
  let other: Runtime;
  let otherUrl: string;
  let worker: Record<string, string>;
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    gw = await startGateway();
    // A second gateway instance on the same database: its writes never pass through the first one.
    other = await createRuntime({
      databaseUrl: gw.database.url,
      config: {
        BODY_LIMIT_BYTES: 1 << 20,
        RUN_PROJECTOR: false,
        DB_POOL_SIZE: 2,
        RATE_LIMIT_PER_MINUTE: 0,
        CORS_ORIGINS: [],
        DEMO_UNITS: true,
      },
      jwtSecret: TEST_JWT_SECRET,
      logger: pino({ level: 'silent' }),
    });
    otherUrl = await other.app.listen({ port: 0, host: '127.0.0.1' });
    worker = await authHeaders('case_worker', ['96']);
    supervisor = await authHeaders('supervisor', ['96']);
  });
  afterAll(async () => {
    await other?.stop();
    await gw?.close();
  });

  const post = async (base: string, path: string, body: unknown, headers: Record<string, string>) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const note = (text: string) => ({ text, occurredAt: '2025-09-01' });

  it('see what another instance appended since: versions, conflicts and closures', async () => {
    const reg = await post(
      gw.baseUrl,
      '/v1/households',
      { head: { fullName: 'Mai Văn Bền' }, memberCount: 3, area: 'rural', unitCode: '96001', occurredAt: '2025-08-01' },
      worker,
    );
    const id = reg.body.householdId as string;
    expect((await post(gw.baseUrl, `/v1/households/${id}/notes`, note('first'), worker)).body.version).toBe(2);
    expect(gw.runtime.app.householdStates.get(id)?.version).toBe(1);

    // The other instance writes twice; this one's cache still says version 2 at most.
    expect((await post(otherUrl, `/v1/households/${id}/notes`, note('elsewhere'), worker)).body.version).toBe(3);
    expect((await post(otherUrl, `/v1/households/${id}/notes`, note('elsewhere again'), worker)).body.version).toBe(4);

    // If-Match on a version this instance could have cached is refused with the true current version.
    const stale = await fetch(`${gw.baseUrl}/v1/households/${id}/notes`, {
      method: 'POST',
      headers: { ...worker, 'if-match': '"2"' },
      body: JSON.stringify(note('stale')),
    });
    expect(stale.status).toBe(412);
    const next = await post(gw.baseUrl, `/v1/households/${id}/notes`, note('here'), worker);
    expect(next.body.version).toBe(5);

    // Closed by the other instance: this one refuses further commands instead of deciding on old state.
    expect(
      (
        await post(
          otherUrl,
          `/v1/households/${id}/closure`,
          { reason: 'moved_away', occurredAt: '2025-10-01' },
          supervisor,
        )
      ).status,
    ).toBe(201);
    const afterClosure = await post(gw.baseUrl, `/v1/households/${id}/notes`, note('too late'), worker);
    expect(afterClosure.status, JSON.stringify(afterClosure.body)).toBeGreaterThanOrEqual(400);
    expect(afterClosure.status).toBeLessThan(500);

    // Nothing personal is kept: the cached registration carries the erasure placeholder, not the name.
    expect(JSON.stringify(gw.runtime.app.householdStates.get(id))).not.toContain('Mai Văn Bền');
  });
});
