import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
const ids: Record<string, string> = {};
beforeAll(async () => {
  gw = await startGateway();
  const worker = await authHeaders('case_worker', ['96001', '95001', '86001']);
  let position = '';
  for (const unitCode of ['96001', '95001', '86001']) {
    const r = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify({
        head: { fullName: `Hộ ${unitCode}` },
        memberCount: 2,
        area: 'rural',
        unitCode,
        // 95001 is an old (pre-July 2025) commune code; the others are new ones.
        occurredAt: unitCode === '95001' ? '2025-03-01' : '2025-09-01',
      }),
    });
    const body = (await r.json()) as { householdId: string; position: string };
    if (r.status !== 201) throw new Error(JSON.stringify(body));
    ids[unitCode] = body.householdId;
    position = body.position;
  }
  await eventually(async () => {
    const r = await fetch(`${gw.baseUrl}/v1/households`, { headers: { ...worker, 'x-wait-for-position': position } });
    return r.status === 200 ? r : undefined;
  });
});
afterAll(async () => {
  await gw?.close();
});

const list = async (units: string[], query = '') => {
  const r = await fetch(`${gw.baseUrl}/v1/households${query}`, { headers: await authHeaders('case_worker', units) });
  return {
    status: r.status,
    body: (await r.json()) as { households: Array<{ householdId: string; unitCode: string }>; nextCursor?: string },
  };
};

describe('listing households', () => {
  it('a province scope covers its communes, old codes of merged provinces included', async () => {
    const { status, body } = await list(['96']);
    expect(status).toBe(200);
    // 96001 is a commune of Cà Mau; 95001 was a Bạc Liêu commune, now part of Cà Mau (96).
    expect(body.households.map((h) => h.unitCode).sort()).toEqual(['95001', '96001']);
  });

  it('filters by one unit and refuses units outside the caller’s scope', async () => {
    expect((await list(['96'], '?unitCode=96001')).body.households.map((h) => h.householdId)).toEqual([ids['96001']]);
    expect((await list(['96'], '?unitCode=86001')).status).toBe(403);
    expect((await list(['86001'], '?status=poor')).body.households).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await list(['96', '86'], '?limit=2');
    expect(first.body.households).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await list(['96', '86'], `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.households).toHaveLength(1);
    const all = [...first.body.households, ...second.body.households].map((h) => h.householdId).sort();
    expect(all).toEqual(Object.values(ids).sort());
  });
});
