import { SHIPPED_RULE_BOOK } from '@benvung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/application/today.js';
import { authHeaders, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * Rules as versioned data over HTTP: an admin loads a version that takes effect from a date, commands
 * are decided by the version in force on their own date, events name the version they used, a
 * correction lists the reviews it would classify differently — and no stored event changes.
 */

let gw: RunningGateway;
let worker: Record<string, string>;
let admin: Record<string, string>;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
  admin = await authHeaders('admin', []);
});
afterAll(async () => {
  await gw?.close();
});

const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

/** A rural household of 96101, registered in 2023, reviewed poor: it may borrow as a poor household. */
async function poorHousehold(): Promise<string> {
  const { householdId } = await postCreated(
    gw.baseUrl,
    '/v1/households',
    { head: { fullName: 'Lâm Văn Sáu' }, memberCount: 4, area: 'rural', unitCode: '96101', occurredAt: '2023-02-01' },
    worker,
  );
  await postCreated(
    gw.baseUrl,
    `/v1/households/${householdId}/assessments`,
    {
      reviewType: 'regular',
      effectiveDate: '2023-03-01',
      incomePerCapitaVnd: 1_100_000,
      deprivations: ['water', 'sanitation', 'telecom'],
    },
    worker,
  );
  return householdId as string;
}

/** Every stored event of the log, as stored (hash, data, position): what "no stored event changes" compares. */
async function storedLog(): Promise<unknown[]> {
  const result = await gw.runtime.app.deps.store.readAll({ maxCount: 10_000 });
  return result.events.map((e) => ({
    id: e.eventId,
    hash: e.hash,
    data: e.data,
    version: e.version,
    stream: e.streamId,
  }));
}

const shippedStandard = (id: string) => {
  const found = SHIPPED_RULE_BOOK.on('2027-01-01').standards.find((s) => s.id === id);
  if (!found) throw new Error(`${id} is shipped`);
  const { version: _version, ...standard } = found;
  return standard;
};

describe('rule versions over HTTP', () => {
  it('records the shipped rules as versions 1–4 at first start, with who and why', async () => {
    const r = await request('GET', '/v1/admin/rules', admin);
    expect(r.status).toBe(200);
    const versions = r.body.versions as Array<Record<string, unknown>>;
    expect(versions.map((v) => [v.version, v.id, v.recordedBy])).toEqual([
      [1, 'vn-poverty-standards', 'system'],
      [2, 'vn-list-year-rules', 'system'],
      [3, 'vbsp-loans', 'system'],
      [4, 'national-target-programmes', 'system'],
    ]);
    expect(versions[0]?.reason).toMatch(/Decree 351\/2025/);
  });

  it('a loan-rate version effective tomorrow: today’s loans keep the old rate, tomorrow’s take the new one, no stored event changes', async () => {
    const day = today();
    const tomorrow = addDays(day, 1);
    const id = await poorHousehold();
    const before = await postCreated(
      gw.baseUrl,
      `/v1/households/${id}/support-actions`,
      {
        kind: 'loan',
        loanId: 'KU-BEFORE',
        programme: 'poor_household',
        amountVnd: 30_000_000,
        termMonths: 36,
        occurredAt: day,
      },
      worker,
    );
    const logBefore = await storedLog();

    const shippedRates = SHIPPED_RULE_BOOK.on(day).loanRates.filter((r) => r.programme === 'poor_household');
    const loaded = await request('POST', '/v1/admin/rules', admin, {
      id: 'vbsp-poor-rate-tomorrow',
      title: 'VBSP poor-household rate from tomorrow',
      effectiveFrom: tomorrow,
      reason: 'A new VBSP rate decision (test)',
      loanRates: [
        ...shippedRates.map(({ version: _v, ...r }) => (r.validTo ? r : { ...r, validTo: day })),
        { programme: 'poor_household', validFrom: tomorrow, annualRatePercent: 5.5, basis: 'the new decision' },
      ],
    });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    const version = loaded.body.version as number;
    expect(version).toBe(5);

    const loanOn = async (occurredAt: string, loanId: string) => {
      await postCreated(
        gw.baseUrl,
        `/v1/households/${id}/support-actions`,
        { kind: 'loan', loanId, programme: 'poor_household', amountVnd: 10_000_000, termMonths: 36, occurredAt },
        worker,
      );
      const history = await request('GET', `/v1/households/${id}/history?limit=200`, worker);
      const events = history.body.events as Array<{ type: string; data: Record<string, unknown> }>;
      return events.find((e) => e.type === 'LoanGranted' && e.data.loanId === loanId)?.data;
    };
    expect(await loanOn(day, 'KU-TODAY')).toMatchObject({ annualRatePercent: 6.24, rateVersion: 3 });
    expect(await loanOn(tomorrow, 'KU-TOMORROW')).toMatchObject({ annualRatePercent: 5.5, rateVersion: version });
    // What was stored before the load is stored the same after it (the new loans come on top).
    const logAfter = await storedLog();
    expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);
    expect(before.events).toHaveLength(1);
  });

  it('a corrected 2027–2030 standard lists the reviews it would classify differently, in the caller’s units, and changes none', async () => {
    const ids: string[] = [];
    let position = '';
    for (const income of [2_150_000, 2_150_000, 2_500_000]) {
      const id = await poorHousehold();
      const answer = await postCreated(
        gw.baseUrl,
        `/v1/households/${id}/assessments`,
        {
          reviewType: 'periodic',
          effectiveDate: '2026-12-10',
          incomePerCapitaVnd: income,
          deprivations: ['water', 'sanitation', 'telecom'],
        },
        worker,
      );
      // Under the standard as shipped, the near-poor rule, the band and these indicators are unconfirmed.
      expect(answer).toMatchObject({ standardId: 'VN-2027-2030', standardVersion: 1 });
      expect((answer.unverified as string[]).length).toBeGreaterThan(0);
      ids.push(id);
      position = answer.position as string;
    }
    const logBefore = await storedLog();

    const vn2027 = shippedStandard('VN-2027-2030');
    const correction = {
      id: 'vn-2027-2030-gazette',
      title: 'VN-2027-2030 as read in the gazette',
      effectiveFrom: '2026-09-01',
      reason: 'The decree text (test): rural line 2,100,000; every part confirmed',
      standards: [
        {
          ...vn2027,
          incomeLine: { rural: 2_100_000, urban: 2_800_000 },
          averageLivingBand: { rural: { above: 2_100_000, upTo: 3_150_000 }, urban: vn2027.averageLivingBand.urban },
          unverified: {},
          indicators: vn2027.indicators.map(({ verify: _verify, ...i }) => i),
        },
      ],
    };
    // The affected reviews come from a read model: wait until it holds the last review.
    // The longest wait allowed: on a loaded machine the default 3 s can pass before the projection has it.
    const waiting = { ...admin, 'x-wait-for-position': position, 'x-wait-timeout-ms': '10000' };
    const dry = await request('POST', '/v1/admin/rules?dryRun=true', waiting, correction);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const loaded = await request('POST', '/v1/admin/rules', waiting, correction);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    const version = loaded.body.version as number;
    const affected = loaded.body.affected as { items: Array<Record<string, unknown>> };
    expect(dry.body.affected).toEqual(loaded.body.affected);
    expect(affected.items.map((i) => i.householdId).sort()).toEqual(ids.slice(0, 2).sort());
    expect(affected.items[0]).toMatchObject({
      effectiveDate: '2026-12-10',
      listYear: 2027,
      recorded: { classification: 'poor', standardId: 'VN-2027-2030', standardVersion: 1 },
      wouldBe: { classification: 'non_poor', standardId: 'VN-2027-2030', standardVersion: version },
    });

    const supervisorIn = await authHeaders('supervisor', ['96']);
    const supervisorOut = await authHeaders('supervisor', ['86']);
    const inside = await request('GET', `/v1/rules/${version}/affected-reviews`, supervisorIn);
    expect((inside.body.items as unknown[]).length).toBe(2);
    const outside = await request('GET', `/v1/rules/${version}/affected-reviews`, supervisorOut);
    expect(outside.body.items).toEqual([]);

    // The stored reviews are as they were decided: the log holds what it held, and the new review comes on top.
    expect((await storedLog()).slice(0, logBefore.length)).toEqual(logBefore);
    for (const id of ids) {
      const verify = await request('GET', `/v1/households/${id}/verify`, worker);
      expect(verify.body).toMatchObject({ valid: true });
    }

    // From now on a review of those dates is decided under the corrected version, with nothing unconfirmed.
    const again = await postCreated(
      gw.baseUrl,
      `/v1/households/${ids[0]}/assessments`,
      {
        reviewType: 'periodic',
        effectiveDate: '2026-12-11',
        incomePerCapitaVnd: 2_150_000,
        deprivations: ['water', 'sanitation', 'telecom'],
      },
      worker,
    );
    expect(again).toMatchObject({ classification: 'non_poor', standardVersion: version, unverified: [] });
    const inForce = await request('GET', '/v1/rules?date=2027-03-01', worker);
    const standards = inForce.body.standards as Array<{ id: string; version: number; incomeLine: { rural: number } }>;
    expect(standards.find((s) => s.id === 'VN-2027-2030')).toMatchObject({ version, incomeLine: { rural: 2_100_000 } });
  });

  it('accepts a 2026–2035 component from the programme’s start and refuses it before', async () => {
    const id = await poorHousehold();
    const housing = (occurredAt: string) => ({
      kind: 'housing',
      support: 'repair',
      valueVnd: 20_000_000,
      component: 'NTP26-05',
      occurredAt,
    });
    const refused = await request('POST', `/v1/households/${id}/support-actions`, worker, housing('2025-12-31'));
    expect(refused.status).toBe(422);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'COMPONENT_NOT_VALID_ON_DATE' });
    const accepted = await request('POST', `/v1/households/${id}/support-actions`, worker, housing('2026-01-01'));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  });

  it('refuses an inconsistent version with every problem, records nothing, and admits only admins', async () => {
    const count = ((await request('GET', '/v1/admin/rules', admin)).body.versions as unknown[]).length;
    const bad = await request('POST', '/v1/admin/rules', admin, {
      id: 'overlapping-standard',
      title: 'a standard for years another decides',
      effectiveFrom: '2027-01-01',
      reason: 'test',
      standards: [{ ...shippedStandard('VN-2022-2026'), id: 'VN-2026-BIS', listYears: { from: 2026, to: 2026 } }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'RULES_INVALID' });
    expect(JSON.stringify(bad.body), JSON.stringify(bad.body)).toMatch(
      /VN-2022-2026]: decides the same list years as VN-2026-BIS/,
    );
    expect(((await request('GET', '/v1/admin/rules', admin)).body.versions as unknown[]).length).toBe(count);
    const asWorker = await request('POST', '/v1/admin/rules', worker, { id: 'x' });
    expect(asWorker.status).toBe(403);
  });
});
