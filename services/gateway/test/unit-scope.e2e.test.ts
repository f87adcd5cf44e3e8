import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * A unit a command names (where a household is registered or moves to) must exist and be among the
 * caller's units, whatever the path: a household moved out of one's units would leave one's caseload.
 */

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

/** Registers a household in Xã Hồng Dân (31843, province 96) and answers its id. */
async function registered(headers: Record<string, string>): Promise<string> {
  const r = await call('POST', '/v1/households', headers, {
    head: { fullName: 'Lâm Văn Tới' },
    memberCount: 3,
    unitCode: '31843',
    occurredAt: '2025-08-01',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.householdId as string;
}

async function expectNotMoved(householdId: string, headers: Record<string, string>) {
  const events = await gw.runtime.app.deps.store.readStream(`household-${householdId}`);
  expect(events.map((e) => e.type)).not.toContain('HouseholdMoved');
  const read = await call('GET', `/v1/households/${householdId}`, headers);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ unitCode: '31843' });
}

describe('moves stay within the caller’s units', () => {
  it.each(['case_worker', 'supervisor'] as const)(
    'refuses a %s’s move to a unit outside their units (403), and the household stays put',
    async (role) => {
      const caller = await authHeaders(role, ['96']);
      const householdId = await registered(caller);
      // 86001 is a commune of province 86, valid on the date: only the scope refuses it.
      const moved = await call('POST', `/v1/households/${householdId}/moves`, caller, {
        toUnitCode: '86001',
        area: 'rural',
        occurredAt: '2025-08-01',
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(403);
      expect(moved.type).toContain('application/problem+json');
      expect(moved.body).toMatchObject({ code: 'UNIT_OUT_OF_SCOPE', unitCode: '86001' });
      await expectNotMoved(householdId, caller);
    },
  );

  it('refuses the move to an old unit of another province that was valid on an earlier date', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const householdId = await registered(worker);
    const moved = await call('POST', `/v1/households/${householdId}/moves`, worker, {
      toUnitCode: '86101',
      area: 'rural',
      occurredAt: '2025-08-01',
    });
    expect([403, 422]).toContain(moved.status);
    await expectNotMoved(householdId, worker);
  });

  it('refuses an amendment that would move the household out of the caller’s units', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const supervisor = await authHeaders('supervisor', ['96']);
    const householdId = await registered(worker);
    const moved = await call('POST', `/v1/households/${householdId}/moves`, worker, {
      toUnitCode: '31825',
      occurredAt: '2025-09-01',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const events = await gw.runtime.app.deps.store.readStream(`household-${householdId}`);
    const move = events.find((e) => e.type === 'HouseholdMoved');
    const amended = await call('POST', `/v1/households/${householdId}/corrections`, supervisor, {
      action: 'amend',
      eventId: move?.eventId,
      reason: 'Nhập nhầm xã',
      correction: { type: 'MoveHousehold', toUnitCode: '86001', area: 'rural', occurredOn: '2025-09-01' },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(403);
    expect(amended.body).toMatchObject({ code: 'UNIT_OUT_OF_SCOPE', unitCode: '86001' });
    const after = await gw.runtime.app.deps.store.readStream(`household-${householdId}`);
    expect(after.map((e) => e.type)).not.toContain('EventAmended');
  });

  it('hides a household from an outsider (404) whatever unit their move names', async () => {
    const householdId = await registered(await authHeaders('case_worker', ['96']));
    const outsider = await authHeaders('case_worker', ['86']);
    for (const toUnitCode of ['86001', '31825', '99999']) {
      const moved = await call('POST', `/v1/households/${householdId}/moves`, outsider, {
        toUnitCode,
        area: 'rural',
        occurredAt: '2025-08-01',
      });
      expect(moved.status, `${toUnitCode}: ${JSON.stringify(moved.body)}`).toBe(404);
      expect(moved.body).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
    }
  });

  it('still moves a household within the caller’s units', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const householdId = await registered(worker);
    const moved = await call('POST', `/v1/households/${householdId}/moves`, worker, {
      toUnitCode: '31825',
      occurredAt: '2025-09-01',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  });
});

describe('unknown units', () => {
  it('answers 422 UNKNOWN_UNIT to a move to a unit no list has, before any scope check', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const householdId = await registered(worker);
    const moved = await call('POST', `/v1/households/${householdId}/moves`, worker, {
      toUnitCode: '99999',
      occurredAt: '2025-08-01',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body).toMatchObject({ code: 'UNKNOWN_UNIT', unitCode: '99999' });
    await expectNotMoved(householdId, worker);
  });

  it('answers 422 UNKNOWN_UNIT to a registration in a unit no list has', async () => {
    for (const units of [['96'], ['99999']]) {
      const r = await call('POST', '/v1/households', await authHeaders('case_worker', units), {
        head: { fullName: 'Lâm Văn Tới' },
        memberCount: 3,
        unitCode: '99999',
        area: 'rural',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body).toMatchObject({ code: 'UNKNOWN_UNIT', unitCode: '99999' });
    }
  });

  it('answers 422 UNKNOWN_UNIT to an amendment naming a unit no list has', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const householdId = await registered(worker);
    await call('POST', `/v1/households/${householdId}/moves`, worker, {
      toUnitCode: '31825',
      occurredAt: '2025-09-01',
    });
    const events = await gw.runtime.app.deps.store.readStream(`household-${householdId}`);
    const move = events.find((e) => e.type === 'HouseholdMoved');
    const amended = await call(
      'POST',
      `/v1/households/${householdId}/corrections`,
      await authHeaders('supervisor', ['96']),
      {
        action: 'amend',
        eventId: move?.eventId,
        reason: 'Nhập nhầm xã',
        correction: { type: 'MoveHousehold', toUnitCode: '99998', occurredOn: '2025-09-01' },
      },
    );
    expect(amended.status, JSON.stringify(amended.body)).toBe(422);
    expect(amended.body).toMatchObject({ code: 'UNKNOWN_UNIT' });
  });

  it('answers 422 UNKNOWN_UNIT to an import into a unit no list has', async () => {
    const form = new FormData();
    form.set('unitScope', '99999');
    form.set('dryRun', 'true');
    form.set('file', new Blob(['Mã hộ,Họ và tên chủ hộ\n1,A\n'], { type: 'text/csv' }), 'list.csv');
    const { authorization } = await authHeaders('case_worker', ['96']);
    const r = await fetch(`${gw.baseUrl}/v1/imports`, {
      method: 'POST',
      headers: { authorization: authorization as string },
      body: form,
    });
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({ code: 'UNKNOWN_UNIT', unitCode: '99999' });
  });
});
