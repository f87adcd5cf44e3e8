import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/** Members as events over HTTP: the count follows the list, names stay personal, the head's ethnicity is reported on. */

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

async function household(unitCode = '31843'): Promise<string> {
  const { householdId } = await postCreated(
    gw.baseUrl,
    '/v1/households',
    { head: { fullName: 'Thạch Sô Phanh' }, memberCount: 3, unitCode, occurredAt: '2025-08-01' },
    worker,
  );
  return householdId as string;
}

const member = (relationship: string, ethnicity = '05', fullName = 'Thạch Thị Mai') => ({
  person: { fullName },
  facts: { sex: 'female', relationship, ethnicity, healthInsurance: true },
  occurredAt: '2025-08-02',
});

describe('members over HTTP', () => {
  it('adding and removing members changes memberCount; the list names them for case workers', async () => {
    const id = await household();
    const head = await postCreated(
      gw.baseUrl,
      `/v1/households/${id}/members`,
      member('head', '05', 'Thạch Sô Phanh'),
      worker,
    );
    await postCreated(gw.baseUrl, `/v1/households/${id}/members`, member('spouse'), worker);
    const child = await postCreated(
      gw.baseUrl,
      `/v1/households/${id}/members`,
      member('child', '05', 'Thạch Văn Út'),
      worker,
    );
    const read = async (position: string) =>
      call('GET', `/v1/households/${id}`, { ...worker, 'x-wait-for-position': position });
    expect((await read(child.position as string)).body).toMatchObject({ memberCount: 3 });

    const removed = await call('POST', `/v1/households/${id}/members/${child.memberId}/removal`, worker, {
      reason: 'moved_out',
      occurredAt: '2025-09-01',
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(201);
    expect((await read(removed.body.position as string)).body).toMatchObject({ memberCount: 2 });

    const listed = await call('GET', `/v1/households/${id}/members`, worker);
    expect((listed.body.members as Array<{ fullName: string }>).map((m) => m.fullName).sort()).toEqual([
      'Thạch Sô Phanh',
      'Thạch Thị Mai',
    ]);
    const changed = await call('PATCH', `/v1/households/${id}/members/${head.memberId}`, worker, {
      facts: { working: 'self_employed' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(201);
    // A household that lists its members no longer takes a bare count.
    const count = await call('POST', `/v1/households/${id}/members`, worker, { memberCount: 5 });
    expect(count.status).toBe(409);
    expect(count.body).toMatchObject({ code: 'MEMBERS_ARE_LISTED' });
    const badEthnicity = await call('POST', `/v1/households/${id}/members`, worker, member('child', '99'));
    expect(badEthnicity.status).toBe(400);
  });

  it('groups relapse survival by the head’s ethnicity, withholding groups of fewer than 5 households', async () => {
    let position = '';
    const path = async (ethnicity: string) => {
      const id = await household();
      await postCreated(gw.baseUrl, `/v1/households/${id}/members`, member('head', ethnicity), worker);
      for (const [effectiveDate, income] of [
        ['2025-08-15', 1_200_000],
        ['2025-10-15', 3_000_000],
      ] as const) {
        const r = await postCreated(
          gw.baseUrl,
          `/v1/households/${id}/assessments`,
          {
            reviewType: 'regular',
            effectiveDate,
            incomePerCapitaVnd: income,
            deprivations: ['water', 'sanitation', 'telecom'],
          },
          worker,
        );
        position = r.position as string;
      }
    };
    for (let i = 0; i < 6; i++) await path('05');
    for (let i = 0; i < 2; i++) await path('08');
    // Two small groups withheld together make 5 households: withholding them needs no third (see README).
    for (let i = 0; i < 3; i++) await path('03');
    await call('GET', '/v1/households?unitCode=31843&limit=1', { ...worker, 'x-wait-for-position': position });

    const analyst = await authHeaders('analyst', []);
    const byGroup = await call('GET', '/v1/analytics/relapse/survival?groupBy=ethnicity&asOf=2026-06-01', analyst);
    expect(byGroup.status, JSON.stringify(byGroup.body)).toBe(200);
    const groups = byGroup.body.groups as Array<{ key: string; n: number | null; suppressed: boolean }>;
    expect(groups.find((g) => g.key === '05')).toMatchObject({ n: 6, suppressed: false });
    expect(groups.find((g) => g.key === '08')).toMatchObject({ n: null, suppressed: true });
    expect(groups.find((g) => g.key === '03')).toMatchObject({ n: null, suppressed: true });
    const byMinority = await call(
      'GET',
      '/v1/analytics/relapse/survival?groupBy=ethnicMinority&asOf=2026-06-01',
      analyst,
    );
    expect(
      (byMinority.body.groups as Array<{ key: string; n: number | null }>).find((g) => g.key === 'minority'),
    ).toMatchObject({ n: 11 });
  });
});
