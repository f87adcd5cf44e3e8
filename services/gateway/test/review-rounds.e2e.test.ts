import { listUnitYearStats } from '@benvung/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * A full periodic review round of demo commune 96001 for the 2027 lists, over HTTP against PostgreSQL:
 * proposed reviews (one household applied), a village meeting that changes one, the posting, a complaint
 * resolved in the household's favour, the decision. Until the decision the year-end lists do not move;
 * after it they reflect every outcome, and each household's review names the decision and its signer.
 */

const POOR = { incomePerCapitaVnd: 1_800_000, deprivations: ['water', 'sanitation', 'telecom'] };
const NEAR_POOR = { incomePerCapitaVnd: 2_000_000, deprivations: ['water'] };
const NON_POOR = { incomePerCapitaVnd: 3_000_000, deprivations: [] };
/** The February reviews, under VN-2022-2026 (rural line 1,500,000). */
const FEBRUARY = {
  poor: { incomePerCapitaVnd: 1_000_000, deprivations: ['water', 'sanitation', 'telecom'] },
  nearPoor: { incomePerCapitaVnd: 1_200_000, deprivations: ['water'] },
};
const ROUND = 'periodic-96001-2027';
const DECISION = { decisionNo: '125/QĐ-UBND', issuedOn: '2026-11-20', signer: 'Lê Văn Chủ' };

let gw: RunningGateway;
let worker: Record<string, string>;
let supervisor: Record<string, string>;
/** a: poor → escapes; b: near-poor, proposed poor, the meeting keeps it near-poor; c: non-poor, poor by complaint; d: applied, first review. */
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

const post = (path: string, body: unknown, headers = worker) => postCreated(gw.baseUrl, path, body, headers);
const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

async function register(village: string): Promise<string> {
  const { householdId } = await post('/v1/households', {
    head: { fullName: 'Phạm Thị Hoa' },
    memberCount: 4,
    area: 'rural',
    unitCode: '96001',
    village,
    occurredAt: '2026-01-10',
  });
  return householdId as string;
}

const regular = (finding: object) => ({ reviewType: 'regular', effectiveDate: '2026-02-01', ...finding });

/** The household list of 96001 with this classification, once the projection has passed `position`. */
async function listed(status: string, position: string): Promise<string[]> {
  const r = await fetch(`${gw.baseUrl}/v1/households?unitCode=96001&status=${status}&limit=200`, {
    headers: { ...worker, 'x-wait-for-position': position, 'x-wait-timeout-ms': '10000' },
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { households: Array<{ householdId: string }> };
  return body.households.map((h) => h.householdId).sort();
}

async function yearEnd2026(): Promise<{ poor: number; nearPoor: number }> {
  const rows = await listUnitYearStats(gw.runtime.app.deps.readModels, { unitCodes: ['96001'], toYear: 2026 });
  const row = rows.find((r) => r.year === 2026);
  return { poor: row?.closing_poor ?? 0, nearPoor: row?.closing_near_poor ?? 0 };
}

beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96', '86']);
  supervisor = await authHeaders('supervisor', ['96', '86']);
  ids.a = await register('Ấp 1');
  ids.b = await register('Ấp 1');
  ids.c = await register('Ấp 2');
  ids.d = await register('Ấp 2');
  await post(`/v1/households/${ids.a}/assessments`, regular(FEBRUARY.poor));
  await post(`/v1/households/${ids.b}/assessments`, regular(FEBRUARY.nearPoor));
  await post(`/v1/households/${ids.c}/assessments`, regular(NON_POOR));
}, 60_000);
afterAll(async () => {
  await gw?.close();
});

describe('a periodic review round, end to end', () => {
  let position = '';
  let before: { poor: string[]; nearPoor: string[]; yearEnd: { poor: number; nearPoor: number } };

  it('records every step up to the complaint, and none of it counts yet', async () => {
    const opened = await post(
      '/v1/review-rounds',
      { kind: 'periodic', unitCode: '96001', listYear: 2027, openedOn: '2026-09-05', document: 'Kế hoạch 12/KH-UBND' },
      supervisor,
    );
    expect(opened).toMatchObject({ roundId: ROUND, version: 1, stage: 'surveying' });
    const base = `/v1/review-rounds/${ROUND}`;
    await post(`${base}/surveys`, { householdId: ids.a, surveyedOn: '2026-09-20', ...NON_POOR });
    await post(`${base}/surveys`, { householdId: ids.b, surveyedOn: '2026-09-20', ...POOR });
    await post(`${base}/surveys`, { householdId: ids.c, surveyedOn: '2026-09-21', ...NON_POOR });
    await post(`${base}/surveys`, { householdId: ids.d, surveyedOn: '2026-09-21', applied: true, ...POOR });
    await post(`${base}/meetings`, {
      village: 'Ấp 1',
      heldOn: '2026-10-05',
      document: 'Biên bản họp bình xét Ấp 1',
      outcomes: [
        { householdId: ids.a, outcome: 'agreed' },
        { householdId: ids.b, outcome: 'changed', result: NEAR_POOR },
      ],
    });
    await post(`${base}/meetings`, {
      village: 'Ấp 2',
      heldOn: '2026-10-06',
      document: 'Biên bản họp bình xét Ấp 2',
      outcomes: [
        { householdId: ids.c, outcome: 'agreed' },
        { householdId: ids.d, outcome: 'agreed' },
      ],
    });
    await post(
      `${base}/postings`,
      { from: '2026-10-10', to: '2026-10-17', document: 'Thông báo 5/TB-UBND' },
      supervisor,
    );
    await post(`${base}/complaints`, {
      householdId: ids.c,
      receivedOn: '2026-10-12',
      summary: 'Gia đình có người ốm dài ngày, thu nhập đã giảm',
    });
    const resolved = await post(
      `${base}/complaint-resolutions`,
      {
        householdId: ids.c,
        resolvedOn: '2026-10-20',
        outcome: 'upheld',
        result: { incomePerCapitaVnd: 1_500_000, deprivations: ['water', 'sanitation', 'health_insurance'] },
      },
      supervisor,
    );
    position = resolved.position as string;

    // Before the decision: household status and the year-end lists are those of the February reviews.
    before = {
      poor: await listed('poor', position),
      nearPoor: await listed('near_poor', position),
      yearEnd: await yearEnd2026(),
    };
    expect(before.poor).toEqual([ids.a]);
    expect(before.nearPoor).toEqual([ids.b]);
    expect(before.yearEnd).toEqual({ poor: 1, nearPoor: 1 });
    for (const id of Object.values(ids)) {
      const history = await call('GET', `/v1/households/${id}/history`, worker);
      const types = (history.body.events as Array<{ type: string }>).map((e) => e.type);
      expect(types.filter((t) => t === 'HouseholdAssessed').length).toBeLessThanOrEqual(1);
    }

    const round = await call('GET', base, worker);
    expect(round.status).toBe(200);
    expect(round.body).toMatchObject({
      stage: 'posted',
      villages: [
        { village: 'Ấp 1', households: 2, agreed: 1, changed: 1, pendingMeeting: 0 },
        { village: 'Ấp 2', households: 2, applied: 1, agreed: 2 },
      ],
    });
    const progress = round.body.households as Array<Record<string, unknown>>;
    expect(progress.find((h) => h.householdId === ids.c)).toMatchObject({
      proposed: 'non_poor',
      complaint: 'upheld',
      current: 'poor',
      source: 'complaint',
    });
    expect(progress.find((h) => h.householdId === ids.b)).toMatchObject({ meeting: 'changed', current: 'near_poor' });
    const steps = round.body.steps as Array<Record<string, unknown>>;
    expect(steps[0]).toMatchObject({ type: 'ReviewRoundOpened', on: '2026-09-05', recordedBy: 'supervisor-1' });
    expect(steps.find((s) => s.type === 'RoundVillageMeetingHeld')).toMatchObject({
      village: 'Ấp 1',
      document: 'Biên bản họp bình xét Ấp 1',
      recordedBy: 'case_worker-1',
      recordedByRole: 'case_worker',
    });
  });

  it('makes every outcome official with the decision, dated by it', async () => {
    const decided = await post(`/v1/review-rounds/${ROUND}/decision`, DECISION, supervisor);
    expect(decided).toMatchObject({
      stage: 'applied',
      decision: { ...DECISION, households: 4, applied: 4, failed: [] },
    });
    const store = gw.runtime.app.deps.store;
    const decisionEvent = (await store.readStream(`round-${ROUND}`)).find((e) => e.type === 'RoundDecisionIssued');
    const head = (await store.headPosition()) as string;

    expect(await listed('poor', head)).toEqual([ids.c, ids.d].sort());
    expect(await listed('near_poor', head)).toEqual([ids.b]);
    expect(await listed('non_poor', head)).toEqual([ids.a]);
    expect(await yearEnd2026()).toEqual({ poor: 2, nearPoor: 1 });

    for (const [key, transition] of [
      ['a', 'escaped_poverty'],
      ['b', 'no_change'],
      ['c', 'newly_poor'],
      ['d', 'newly_poor'],
    ] as const) {
      const stream = await store.readStream(`household-${ids[key]}`);
      const reviews = stream.filter((e) => e.type === 'HouseholdAssessed' && e.data.roundId === ROUND);
      expect(reviews, key).toHaveLength(1);
      expect(reviews[0]?.data).toMatchObject({
        reviewType: 'periodic',
        effectiveDate: '2026-11-20',
        listYear: 2027,
        standardId: 'VN-2027-2030',
        decisionNo: DECISION.decisionNo,
        approvedBy: DECISION.signer,
        transition,
      });
      expect(reviews[0]?.metadata).toMatchObject({
        actorId: 'supervisor-1',
        actorRole: 'supervisor',
        causationId: decisionEvent?.eventId,
        roundId: ROUND,
      });
    }

    const round = await call('GET', `/v1/review-rounds/${ROUND}`, worker);
    expect(round.body).toMatchObject({ stage: 'applied', decision: { households: 4, applied: 4 } });
    expect((round.body.households as Array<{ decided?: string }>).map((h) => h.decided)).toEqual([
      'non_poor',
      'near_poor',
      'poor',
      'poor',
    ]);
  });

  it('answers the same decision again without recording anything twice', async () => {
    const store = gw.runtime.app.deps.store;
    const versions = await Promise.all(Object.values(ids).map((id) => store.streamVersion(`household-${id}`)));
    const again = await call('POST', `/v1/review-rounds/${ROUND}/decision`, supervisor, DECISION);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ events: [], stage: 'applied', decision: { applied: 4 } });
    expect(await Promise.all(Object.values(ids).map((id) => store.streamVersion(`household-${id}`)))).toEqual(versions);
  });

  it('changes nothing in a decided round: a correction goes to the household', async () => {
    const r = await call('POST', `/v1/review-rounds/${ROUND}/surveys`, worker, {
      householdId: ids.a,
      surveyedOn: '2026-11-25',
      ...POOR,
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'ROUND_DECIDED', decisionNo: DECISION.decisionNo });
    const other = await call('POST', `/v1/review-rounds/${ROUND}/decision`, supervisor, {
      ...DECISION,
      decisionNo: '126/QĐ-UBND',
    });
    expect(other.status).toBe(409);
  });

  it('lists the round in the caller’s units only', async () => {
    const mine = await eventually(async () => {
      const r = await call('GET', '/v1/review-rounds?unitCode=96001&listYear=2027', worker);
      const rounds = r.body.rounds as Array<Record<string, unknown>>;
      return rounds.length > 0 ? rounds : undefined;
    });
    expect(mine).toEqual([
      expect.objectContaining({ roundId: ROUND, kind: 'periodic', stage: 'applied', households: 4 }),
    ]);
    const elsewhere = await authHeaders('case_worker', ['44']);
    expect((await call('GET', '/v1/review-rounds', elsewhere)).body.rounds).toEqual([]);
    expect((await call('GET', `/v1/review-rounds/${ROUND}`, elsewhere)).status).toBe(404);
    expect((await call('GET', '/v1/review-rounds?unitCode=96001', elsewhere)).status).toBe(403);
  });
});
