import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, requestJson, startGateway } from './helpers.js';

/** Real places: the national unit lists in the registry, area from a commune's kind, unknown and abolished codes refused. */

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

const register = (headers: Record<string, string>, unitCode: string, occurredAt: string) =>
  call('POST', '/v1/households', headers, {
    head: { fullName: 'Trương Văn Phước' },
    memberCount: 4,
    unitCode,
    occurredAt,
  });

describe('households in real communes', () => {
  it('registers in Phường Bạc Liêu (31825) on 2025-08-01 as urban, in Xã Hồng Dân (31843) as rural', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const ward = await register(worker, '31825', '2025-08-01');
    expect(ward.status, JSON.stringify(ward.body)).toBe(201);
    const commune = await register(worker, '31843', '2025-08-01');
    expect(commune.status, JSON.stringify(commune.body)).toBe(201);
    for (const [r, area] of [
      [ward, 'urban'],
      [commune, 'rural'],
    ] as const) {
      const read = await call('GET', `/v1/households/${r.body.householdId}`, {
        ...worker,
        'x-wait-for-position': r.body.position as string,
      });
      expect(read.body).toMatchObject({ area });
    }
  });

  it('registers in Phường 2 of the former Bạc Liêu city (31813, province 95) in 2024; from July 2025 it is in 31825, province 96', async () => {
    const then = await authHeaders('case_worker', ['95']);
    const r = await register(then, '31813', '2024-01-01');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // A worker of the new province 96 sees the household the old code belongs to.
    const now = await authHeaders('case_worker', ['96']);
    const read = await call('GET', `/v1/households/${r.body.householdId}`, {
      ...now,
      'x-wait-for-position': r.body.position as string,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ unitCode: '31813', area: 'urban' });
    const elsewhere = await call(
      'GET',
      `/v1/households/${r.body.householdId}`,
      await authHeaders('case_worker', ['86']),
    );
    expect(elsewhere.status).toBe(404);

    const move = (toUnitCode: string) =>
      call('POST', `/v1/households/${r.body.householdId}/moves`, now, { toUnitCode, occurredAt: '2025-08-01' });
    const unknown = await move('99999');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_UNIT' });
    const abolished = await move('31813');
    expect(abolished.status).toBe(422);
    expect(abolished.body).toMatchObject({
      code: 'UNIT_NOT_VALID_ON_DATE',
      successors: [{ code: '31825', name: 'Phường Bạc Liêu' }],
    });
    const moved = await move('31843');
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  });
});

describe('GET /v1/units', () => {
  it('finds units by name without accents or case, and lists a unit’s children on a date', async () => {
    const analyst = await authHeaders('analyst', []);
    const found = await call('GET', '/v1/units?q=hong%20dan&asOf=2025-08-01', analyst);
    expect(found.status).toBe(200);
    expect((found.body.units as Array<{ code: string }>).map((u) => u.code)).toContain('31843');
    const children = await call('GET', '/v1/units?parent=96&asOf=2025-08-01&limit=500', analyst);
    const codes = (children.body.units as Array<{ code: string; area: string | null }>).map((u) => u.code);
    expect(codes).toContain('31825');
    expect(codes.length).toBeGreaterThan(50);
    const before = await call('GET', '/v1/units?parent=954&asOf=2024-01-01', analyst);
    expect((before.body.units as Array<{ code: string; area: string }>).find((u) => u.code === '31813')).toMatchObject({
      area: 'urban',
      kind: 'ward',
    });
  });
});

describe('loading a newer unit list', () => {
  it('checks the whole file first, keeps the previous versions, and records who loaded it', async () => {
    const admin = await authHeaders('admin', []);
    const current = await call('GET', '/v1/units?level=province&asOf=2027-01-01&limit=500', admin);
    const provinces = current.body.units as Array<{ code: string; name: string; kind: string }>;
    const csv = (rows: Array<{ code: string; name: string; kind: string }>) =>
      `code,level,kind,name,parent_code\n${rows.map((p) => `${p.code},province,${p.kind},${p.name},`).join('\n')}\n`;

    const broken = await call('POST', '/v1/admin/units/imports', admin, {
      effectiveOn: '2027-01-01',
      csv: `${csv(provinces)}9,province,province,Bad,\n96,province,region,Cà Mau,\n`,
    });
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({ code: 'UNIT_LIST_INVALID' });
    expect((broken.body.problems as unknown[]).length).toBeGreaterThanOrEqual(2);

    // Cà Mau renamed from 2027: a new version from that date, the old one kept until the day before.
    const renamed = provinces.map((p) => (p.code === '96' ? { ...p, name: 'Tỉnh Cà Mau (mới)' } : p));
    const dry = await call('POST', '/v1/admin/units/imports?dryRun=true', admin, {
      effectiveOn: '2027-01-01',
      csv: csv(renamed),
    });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.changes).toMatchObject({ changed: ['96'], added: [], abolished: [], unchanged: 33 });
    const loaded = await call('POST', '/v1/admin/units/imports', admin, {
      effectiveOn: '2027-01-01',
      source: 'provinces-2027.csv',
      csv: csv(renamed),
    });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    const at = async (date: string) =>
      (
        (await call('GET', `/v1/units?q=96&level=province&asOf=${date}`, admin)).body.units as Array<{ name: string }>
      )[0]?.name;
    expect(await at('2026-12-31')).toBe('Cà Mau');
    expect(await at('2027-01-01')).toBe('Tỉnh Cà Mau (mới)');
    const lists = await call('GET', '/v1/admin/units/imports', admin);
    expect(lists.body.lists).toMatchObject([
      { version: 1, effectiveOn: '2027-01-01', source: 'provinces-2027.csv', loadedBy: 'admin-1' },
    ]);
    expect((lists.body.gaps as string[]).length).toBe(4);
  });
});
