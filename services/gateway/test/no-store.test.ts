import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

/** No cache (browser, proxy, shared office computer) may keep an answer of the API: they carry personal data. */

let gw: RunningGateway;
let householdId: string;
let position: string;
beforeAll(async () => {
  gw = await startGateway();
  const r = await fetch(`${gw.baseUrl}/v1/households`, {
    method: 'POST',
    headers: await authHeaders('case_worker', ['96']),
    body: JSON.stringify({ head: { fullName: 'Đặng Thị Mai' }, memberCount: 2, unitCode: '31843' }),
  });
  ({ householdId, position } = (await r.json()) as { householdId: string; position: string });
});
afterAll(async () => {
  await gw?.close();
});

describe('Cache-Control: no-store', () => {
  it('is on every answer about households, members, history, imports, audit and analytics', async () => {
    const worker = { ...(await authHeaders('case_worker', ['96'])), 'x-wait-for-position': position };
    const auditor = await authHeaders('auditor', ['96']);
    const analyst = await authHeaders('analyst', []);
    const reads: Array<[string, Record<string, string>]> = [
      [`/v1/households/${householdId}`, worker],
      ['/v1/households', worker],
      [`/v1/households/${householdId}/members`, worker],
      [`/v1/households/${householdId}/history`, auditor],
      ['/v1/access-log', auditor],
      ['/v1/imports', worker],
      ['/v1/analytics/relapse/episodes.csv', analyst],
      ['/v1/units?q=hong', worker],
    ];
    for (const [path, headers] of reads) {
      const r = await fetch(`${gw.baseUrl}${path}`, { headers });
      expect(r.status, path).toBeLessThan(300);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('is on command answers and on problems under /v1', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const note = await fetch(`${gw.baseUrl}/v1/households/${householdId}/notes`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify({ text: 'Thăm hộ' }),
    });
    expect(note.status).toBe(201);
    expect(note.headers.get('cache-control')).toBe('no-store');
    for (const [path, headers] of [
      [`/v1/households/${crypto.randomUUID()}`, worker],
      [`/v1/households/${householdId}`, {}],
    ] as const) {
      const r = await fetch(`${gw.baseUrl}${path}`, { headers });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
