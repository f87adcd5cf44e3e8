import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let householdId: string;
let worker: Record<string, string>;
let auditor: Record<string, string>;

beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['95001']);
  auditor = await authHeaders('auditor', ['95001']);
  const response = await fetch(`${gw.baseUrl}/v1/households`, {
    method: 'POST',
    headers: worker,
    body: JSON.stringify({
      head: { fullName: 'Lý Thị Hoa', nationalId: '095180001234' },
      memberCount: 4,
      area: 'rural',
      unitCode: '95001',
      occurredAt: '2024-02-01',
    }),
  });
  householdId = ((await response.json()) as { householdId: string }).householdId;
});
afterAll(async () => {
  await gw?.close();
});

describe('auditor replay', () => {
  it('pages the history with metadata and hashes', async () => {
    const response = await fetch(`${gw.baseUrl}/v1/households/${householdId}/history?limit=10`, { headers: auditor });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { events: Array<Record<string, unknown>> };
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      version: 1,
      type: 'HouseholdRegistered',
      metadata: { actorId: 'case_worker-1', actorRole: 'case_worker' },
      occurredAt: '2024-02-01T00:00:00.000Z',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('replays the state as of a date and a version', async () => {
    const before = await fetch(`${gw.baseUrl}/v1/households/${householdId}/state?asOf=2024-01-31`, {
      headers: auditor,
    });
    expect(before.status).toBe(404);
    const at = await fetch(`${gw.baseUrl}/v1/households/${householdId}/state?version=1`, { headers: auditor });
    expect(at.status).toBe(200);
    expect(await at.json()).toMatchObject({ version: 1, state: { status: 'active', unitCode: '95001' } });
  });

  it('records every history read and lets an admin list them', async () => {
    const admin = await authHeaders('admin');
    const response = await fetch(`${gw.baseUrl}/v1/access-log?householdId=${householdId}`, { headers: admin });
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as { entries: Array<{ actorRole: string; action: string }> };
    expect(entries.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['history', 'state']));
    expect(entries.every((e) => e.actorRole === 'auditor')).toBe(true);
  });

  it('shows an auditor the reads of their own units’ households only', async () => {
    // The province holding the household's commune (95001 became part of 96001 in 2025).
    const provincial = await authHeaders('auditor', ['96']);
    // An auditor's scope is where the household is now, as household_status has projected it.
    const own = await eventually(async () => {
      const response = await fetch(`${gw.baseUrl}/v1/access-log?householdId=${householdId}`, { headers: provincial });
      expect(response.status).toBe(200);
      const { entries } = (await response.json()) as { entries: unknown[] };
      return entries.length > 0 ? entries : undefined;
    });
    expect(own.length).toBeGreaterThan(0);
    const elsewhere = await authHeaders('auditor', ['01']);
    const other = await fetch(`${gw.baseUrl}/v1/access-log`, { headers: elsewhere });
    expect(other.status).toBe(200);
    expect(((await other.json()) as { entries: unknown[] }).entries).toEqual([]);
    const worker403 = await fetch(`${gw.baseUrl}/v1/access-log`, { headers: worker });
    expect(worker403.status).toBe(403);
  });

  it('verifies the chain and names the version changed behind its back', async () => {
    const ok = await fetch(`${gw.baseUrl}/v1/households/${householdId}/verify`, { headers: auditor });
    expect(await ok.json()).toMatchObject({ valid: true, events: 1 });

    const client = new pg.Client({ connectionString: gw.database.url });
    await client.connect();
    try {
      await client.query("SET session_replication_role = 'replica'"); // bypasses the append-only trigger
      await client.query(
        `UPDATE es_events SET data = jsonb_set(data, '{memberCount}', '9') WHERE stream_id = $1 AND version = 1`,
        [`household-${householdId}`],
      );
    } finally {
      await client.end();
    }
    const tampered = await fetch(`${gw.baseUrl}/v1/households/${householdId}/verify`, { headers: auditor });
    expect(await tampered.json()).toMatchObject({ valid: false, firstInvalidVersion: 1 });
  });

  it('hides households of other units and lets no analyst in', async () => {
    const other = await authHeaders('auditor', ['86001']);
    for (const path of ['history', 'state?version=1', 'verify']) {
      expect((await fetch(`${gw.baseUrl}/v1/households/${householdId}/${path}`, { headers: other })).status).toBe(404);
      const analyst = await authHeaders('analyst', ['95001']);
      expect((await fetch(`${gw.baseUrl}/v1/households/${householdId}/${path}`, { headers: analyst })).status).toBe(
        403,
      );
    }
  });
});
