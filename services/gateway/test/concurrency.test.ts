import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['44001']);
});
afterAll(async () => {
  await gw?.close();
});

const body = { head: { fullName: 'Mai Văn Khoa' }, memberCount: 3, area: 'urban', unitCode: '44001' };

describe('idempotent registration', () => {
  it('replays the first response for the same Idempotency-Key and appends nothing', async () => {
    const send = (b: object) =>
      fetch(`${gw.baseUrl}/v1/households`, {
        method: 'POST',
        headers: { ...worker, 'idempotency-key': 'reg-0001' },
        body: JSON.stringify(b),
      });
    const first = await send(body);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { householdId: string; version: number };
    const second = await send(body);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(created);
    expect(await gw.runtime.app.deps.store.streamVersion(`household-${created.householdId}`)).toBe(1);
    const [registered] = await gw.runtime.app.deps.store.readStream(`household-${created.householdId}`);
    expect(registered?.metadata).toMatchObject({ idempotencyKey: 'reg-0001', actorRole: 'case_worker' });

    const different = await send({ ...body, memberCount: 4 });
    expect(different.status).toBe(422);
    expect(await different.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('lets parallel duplicates with one key create one household', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${gw.baseUrl}/v1/households`, {
          method: 'POST',
          headers: { ...worker, 'idempotency-key': 'reg-parallel' },
          body: JSON.stringify(body),
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ householdId: string }>;
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.householdId)).size).toBe(1);
  });

  it('refuses malformed If-Match and Idempotency-Key headers with 400', async () => {
    const bad: Array<Record<string, string>> = [{ 'if-match': 'three' }, { 'idempotency-key': 'has spaces in it' }];
    for (const headers of bad) {
      const response = await fetch(`${gw.baseUrl}/v1/households`, {
        method: 'POST',
        headers: { ...worker, ...headers },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
    }
  });
});
