import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, type RunningGateway, startGateway } from './helpers.js';

interface Ready {
  status: string;
  checks: { projections: Array<{ name: string; lagEvents: number; lagSeconds: number; caughtUp?: boolean }> };
}

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const register = () =>
  fetch(`${gw.baseUrl}/v1/households`, {
    method: 'POST',
    headers: worker,
    body: JSON.stringify({ head: { fullName: 'Lê Văn Chậm' }, memberCount: 2, area: 'rural', unitCode: '96001' }),
  });
const ready = async () => (await (await fetch(`${gw.baseUrl}/ready`)).json()) as Ready;
const metrics = async () => (await fetch(`${gw.baseUrl}/metrics`)).text();

describe('projection lag', () => {
  it('is reported per projection in /ready and /metrics, from the checkpoints', async () => {
    expect((await register()).status).toBe(201);
    const caughtUp = await eventually(async () => {
      const r = await ready();
      return r.checks.projections.length > 0 && r.checks.projections.every((p) => p.lagEvents === 0) ? r : undefined;
    });
    expect(caughtUp.checks.projections.map((p) => p.name).sort()).toEqual([
      'household_status',
      'late_changes',
      'review_history',
      'unit_figures',
    ]);
    expect(caughtUp.checks.projections.every((p) => p.lagSeconds === 0)).toBe(true);

    // With the projector stopped, three registrations wait in the log.
    await gw.runtime.projector?.stop();
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    await new Promise((r) => setTimeout(r, 50));
    const behind = await ready();
    expect(behind.status).toBe('ready');
    for (const p of behind.checks.projections) {
      expect(p.lagEvents, p.name).toBe(3);
      expect(p.lagSeconds, p.name).toBeGreaterThan(0);
    }
    const text = await metrics();
    expect(text).toContain('benvung_projection_lag_events{projection="household_status"} 3');
    expect(text).toMatch(/benvung_projection_lag_seconds\{projection="review_history"\} [0-9.e-]+/);
  });
});
