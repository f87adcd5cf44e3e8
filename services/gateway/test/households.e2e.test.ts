import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96001', '86010']);
});
afterAll(async () => {
  await gw?.close();
});

const validBody = {
  head: { fullName: 'Trần Thị Bình', birthYear: 1978, nationalId: '079178000123' },
  memberCount: 5,
  area: 'rural',
  unitCode: '96001',
  village: 'Ấp 3',
  occurredAt: '2026-03-02',
};

describe('register then read a household over real HTTP', () => {
  it('goes HTTP → event store → projection → HTTP', async () => {
    const post = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify(validBody),
    });
    expect(post.status).toBe(201);
    const created = (await post.json()) as { householdId: string; version: number; position: string };
    expect(created.version).toBe(1);
    expect(post.headers.get('location')).toBe(`/v1/households/${created.householdId}`);

    // The event really is in the store, with the actor and a verifiable hash chain.
    const stream = await gw.runtime.app.deps.store.readStream(`household-${created.householdId}`);
    expect(stream.map((e) => e.type)).toEqual(['HouseholdRegistered']);
    expect(stream[0]?.personal).toEqual({ head: validBody.head });
    expect(stream[0]?.data).not.toHaveProperty('head');
    expect(await gw.runtime.app.deps.store.verifyStream(`household-${created.householdId}`)).toEqual({
      valid: true,
      events: 1,
      head: { version: 1, hash: stream[0]?.hash },
    });

    const get = await eventually(async () => {
      const r = await fetch(`${gw.baseUrl}/v1/households/${created.householdId}`, { headers: worker });
      return r.status === 200 ? r : undefined;
    });
    expect(get.headers.get('etag')).toBe('"1"');
    expect(await get.json()).toMatchObject({
      householdId: created.householdId,
      unitCode: '96001',
      area: 'rural',
      village: 'Ấp 3',
      memberCount: 5,
      headName: 'Trần Thị Bình',
      classification: 'unassessed',
      registeredOn: '2026-03-02',
      version: 1,
    });
  });

  it('reads its own write: a read with the command position waits for the projection', async () => {
    const post = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify(validBody),
    });
    const { householdId, position } = (await post.json()) as { householdId: string; position: string };
    // The longest wait allowed: on a loaded machine the projection can take more than the default 3 s.
    const get = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, {
      headers: { ...worker, 'x-wait-for-position': position, 'x-wait-timeout-ms': '10000' },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('etag')).toBe('"1"');

    expect(get.headers.get('x-read-source')).toBe('read-model');

    // While the projection lags behind a real position: the list waits (bounded), then 503 with Retry-After …
    await gw.runtime.projector?.stop();
    const next = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify(validBody),
    });
    const waitFor = {
      ...worker,
      'x-wait-for-position': ((await next.json()) as { position: string }).position,
      'x-wait-timeout-ms': '200',
    };
    const late = await fetch(`${gw.baseUrl}/v1/households`, { headers: waitFor });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    // … while one household is folded from its stream instead: as current as the log.
    const fromStream = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, { headers: waitFor });
    expect(fromStream.status).toBe(200);
    expect(fromStream.headers.get('x-read-source')).toBe('stream');
    expect(fromStream.headers.get('etag')).toBe('"1"');
    // A position beyond the log was never returned by a command: a client mistake.
    const [tx = '0', seq = '0'] = position.split(':');
    const future = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, {
      headers: { ...worker, 'x-wait-for-position': `${BigInt(tx) + 1000n}:${BigInt(seq) + 1000n}` },
    });
    expect(future.status).toBe(400);
    const bad = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, {
      headers: { ...worker, 'x-wait-for-position': 'yesterday' },
    });
    expect(bad.status).toBe(400);
  });

  it('refuses to register the same household twice (no_stream)', async () => {
    const householdId = crypto.randomUUID();
    const send = () =>
      fetch(`${gw.baseUrl}/v1/households`, {
        method: 'POST',
        headers: worker,
        body: JSON.stringify({ ...validBody, householdId }),
      });
    expect((await send()).status).toBe(201);
    const second = await send();
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(await second.json()).toMatchObject({ code: 'HOUSEHOLD_ALREADY_REGISTERED', status: 409 });
  });

  it('answers 404 problem+json for an unknown household and 400 for a malformed id', async () => {
    const missing = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers: worker });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await fetch(`${gw.baseUrl}/v1/households/not-a-uuid`, { headers: worker });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()) as object).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await fetch(`${gw.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${gw.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    const openapi = (await (await fetch(`${gw.baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/households', '/v1/households/{id}']));
  });
});
