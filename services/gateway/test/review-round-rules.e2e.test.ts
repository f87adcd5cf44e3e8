import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseholdStateCache } from '../src/application/household-state-cache.js';
import { KeyedMutex } from '../src/application/keyed-mutex.js';
import { applyDecision } from '../src/application/review-rounds/apply-decision.js';
import { executeRoundCommand, loadRound } from '../src/application/review-rounds/round-store.js';
import { authHeaders, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/** Each rule of a round answers its own problem; a decision interrupted half-way is completed once. */

const POOR = { incomePerCapitaVnd: 1_800_000, deprivations: ['water', 'sanitation', 'telecom'] };

let gw: RunningGateway;
let worker: Record<string, string>;
let supervisor: Record<string, string>;

const post = (path: string, body: unknown, headers = worker) => postCreated(gw.baseUrl, path, body, headers);
const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

async function register(unitCode: string, village = 'Ấp 1'): Promise<string> {
  const { householdId } = await post('/v1/households', {
    head: { fullName: 'Trương Văn Lợi' },
    memberCount: 3,
    area: 'rural',
    unitCode,
    village,
    occurredAt: '2026-01-10',
  });
  return householdId as string;
}

/** A periodic round of `unit` for 2027 with `households` surveyed, agreed and posted until 17 October 2026. */
async function postedRound(unit: string, households: string[]): Promise<string> {
  const { roundId } = await post(
    '/v1/review-rounds',
    { kind: 'periodic', unitCode: unit, listYear: 2027, openedOn: '2026-09-05' },
    supervisor,
  );
  const base = `/v1/review-rounds/${roundId}`;
  for (const householdId of households)
    await post(`${base}/surveys`, { householdId, surveyedOn: '2026-09-20', ...POOR });
  await post(`${base}/meetings`, {
    village: 'Ấp 1',
    heldOn: '2026-10-05',
    document: 'Biên bản họp',
    outcomes: households.map((householdId) => ({ householdId, outcome: 'agreed' })),
  });
  await post(`${base}/postings`, { from: '2026-10-10', to: '2026-10-17', document: 'Thông báo' }, supervisor);
  return roundId as string;
}

beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96', '86', '44']);
  supervisor = await authHeaders('supervisor', ['96', '86', '44']);
}, 60_000);
afterAll(async () => {
  await gw?.close();
});

describe('opening', () => {
  it('keeps one periodic round per commune and list year', async () => {
    const body = { kind: 'periodic', unitCode: '86001', listYear: 2027, openedOn: '2026-09-05' };
    const first = await call('POST', '/v1/review-rounds', supervisor, body);
    expect(first.status).toBe(201);
    const second = await call('POST', '/v1/review-rounds', supervisor, { ...body, openedOn: '2026-09-07' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ROUND_ALREADY_OPEN', roundId: 'periodic-86001-2027' });
    // Even two at once: the store's no-stream check lets one through.
    const racing = await Promise.all(
      [0, 1].map(() =>
        call('POST', '/v1/review-rounds', supervisor, {
          kind: 'periodic',
          unitCode: '86010',
          listYear: 2027,
          openedOn: '2026-09-05',
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('opens outside the window only with a supervisor’s reason; case workers do not open rounds', async () => {
    const late = { kind: 'periodic', unitCode: '86011', listYear: 2027, openedOn: '2026-12-20' };
    const refused = await call('POST', '/v1/review-rounds', supervisor, late);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ROUND_OUTSIDE_WINDOW', from: '2026-09-01', to: '2026-12-14' });
    const reason = 'xã mới sáp nhập, kế hoạch rà soát ban hành muộn';
    const overridden = await call('POST', '/v1/review-rounds', supervisor, { ...late, windowOverrideReason: reason });
    expect(overridden.status).toBe(201);
    const round = await call('GET', '/v1/review-rounds/periodic-86011-2027', worker);
    expect(round.body).toMatchObject({ windowOverrideReason: reason });
    expect(
      (await call('POST', '/v1/review-rounds', worker, { ...late, unitCode: '86020', openedOn: '2026-09-05' })).status,
    ).toBe(403);
    const outside = await call('POST', '/v1/review-rounds', await authHeaders('supervisor', ['44']), late);
    expect(outside.status).toBe(403);
  });
});

describe('steps', () => {
  it('refuses households outside the round’s commune or the caller’s units', async () => {
    const { roundId } = await post(
      '/v1/review-rounds',
      { kind: 'periodic', unitCode: '96002', listYear: 2027, openedOn: '2026-09-05' },
      supervisor,
    );
    const base = `/v1/review-rounds/${roundId}`;
    const elsewhere = await register('96001');
    const r = await call('POST', `${base}/surveys`, worker, {
      householdId: elsewhere,
      surveyedOn: '2026-09-20',
      ...POOR,
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'ROUND_HOUSEHOLD_OUTSIDE_UNIT', roundUnitCode: '96002' });
    const unknown = await call('POST', `${base}/surveys`, worker, {
      householdId: crypto.randomUUID(),
      surveyedOn: '2026-09-20',
      ...POOR,
    });
    expect(unknown.status).toBe(404);
    const notMine = await call('POST', `${base}/surveys`, await authHeaders('case_worker', ['86']), {
      householdId: elsewhere,
      surveyedOn: '2026-09-20',
      ...POOR,
    });
    expect(notMine.status).toBe(404);
    const roundNotMine = await call('GET', base, await authHeaders('case_worker', ['86']));
    expect(roundNotMine.body).toMatchObject({ status: 404, code: 'ROUND_NOT_FOUND' });
  });

  it('takes a retried step once (Idempotency-Key) and a form-scored survey where the standard has a scoring', async () => {
    const householdId = await register('86020');
    const { roundId } = await post(
      '/v1/review-rounds',
      { kind: 'regular', unitCode: '86020', listYear: 2026, openedOn: '2026-03-16' },
      supervisor,
    );
    const send = () =>
      fetch(`${gw.baseUrl}/v1/review-rounds/${roundId}/surveys`, {
        method: 'POST',
        headers: { ...worker, 'idempotency-key': 'survey-86020-1' },
        body: JSON.stringify({
          householdId,
          surveyedOn: '2026-03-20',
          formScores: { incomeProxyPoints: 120 },
          deprivations: ['water', 'sanitation', 'telecom'],
        }),
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const round = await call('GET', `/v1/review-rounds/${roundId}`, worker);
    expect(round.body).toMatchObject({ version: 2, households: [{ householdId, proposed: 'poor' }] });
  });

  it('posts, decides and resolves complaints as supervisors only, in order', async () => {
    const households = [await register('96002'), await register('96002')];
    const { roundId } = await post(
      '/v1/review-rounds',
      { kind: 'regular', unitCode: '96002', listYear: 2026, openedOn: '2026-03-16' },
      supervisor,
    );
    const base = `/v1/review-rounds/${roundId}`;
    for (const householdId of households)
      await post(`${base}/surveys`, { householdId, surveyedOn: '2026-03-20', ...POOR });
    const posting = { from: '2026-04-01', to: '2026-04-07', document: 'Thông báo' };
    const pending = await call('POST', `${base}/postings`, supervisor, posting);
    expect(pending.body).toMatchObject({ code: 'ROUND_MEETINGS_PENDING' });
    const missing = await call('POST', `${base}/meetings`, worker, {
      village: 'Ấp 1',
      heldOn: '2026-03-25',
      document: 'Biên bản',
      outcomes: [{ householdId: households[0], outcome: 'agreed' }],
    });
    expect(missing.body).toMatchObject({ code: 'ROUND_MEETING_OUTCOME_MISSING' });
    await post(`${base}/meetings`, {
      village: 'Ấp 1',
      heldOn: '2026-03-25',
      document: 'Biên bản',
      outcomes: households.map((householdId) => ({ householdId, outcome: 'agreed' })),
    });
    expect((await call('POST', `${base}/postings`, worker, posting)).status).toBe(403);
    const early = await call('POST', `${base}/decision`, supervisor, { ...DECISION, issuedOn: '2026-03-30' });
    expect(early.body).toMatchObject({ code: 'ROUND_NOT_POSTED' });
    const posted = await post(`${base}/postings`, posting, supervisor);
    // If-Match: a step decided on an older version of the round is refused.
    const stale = await fetch(`${gw.baseUrl}${base}/complaints`, {
      method: 'POST',
      headers: { ...worker, 'if-match': `"${(posted.version as number) - 1}"` },
      body: JSON.stringify({ householdId: households[0], receivedOn: '2026-04-02', summary: 'Xin xem xét lại' }),
    });
    expect(stale.status).toBe(412);
    await post(`${base}/complaints`, {
      householdId: households[0],
      receivedOn: '2026-04-02',
      summary: 'Xin xem xét lại',
    });
    const resolution = { householdId: households[0], resolvedOn: '2026-04-06', outcome: 'rejected' };
    expect((await call('POST', `${base}/complaint-resolutions`, worker, resolution)).status).toBe(403);
    const unresolved = await call('POST', `${base}/decision`, supervisor, { ...DECISION, issuedOn: '2026-04-10' });
    expect(unresolved.body).toMatchObject({ code: 'ROUND_COMPLAINTS_UNRESOLVED' });
    await post(`${base}/complaint-resolutions`, resolution, supervisor);
    const during = await call('POST', `${base}/decision`, supervisor, { ...DECISION, issuedOn: '2026-04-07' });
    expect(during.status).toBe(422);
    expect(during.body).toMatchObject({ code: 'ROUND_DECISION_BEFORE_POSTING_ENDED', earliest: '2026-04-08' });
    expect((await call('POST', `${base}/decision`, worker, { ...DECISION, issuedOn: '2026-04-10' })).status).toBe(403);
    const decided = await post(`${base}/decision`, { ...DECISION, issuedOn: '2026-04-10' }, supervisor);
    expect(decided).toMatchObject({ stage: 'applied', decision: { households: 2, applied: 2 } });
  });

  it('refuses a decision a household could no longer take, naming it', async () => {
    const [open, closing] = [await register('44002'), await register('44002')];
    const roundId = await postedRound('44002', [open as string, closing as string]);
    await post(`/v1/households/${closing}/closure`, { reason: 'moved_away', occurredAt: '2026-10-30' }, supervisor);
    const r = await call('POST', `/v1/review-rounds/${roundId}/decision`, supervisor, DECISION);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'ROUND_DECISION_NOT_APPLICABLE',
      households: [{ householdId: closing, code: 'HOUSEHOLD_CLOSED' }],
    });
    const round = await call('GET', `/v1/review-rounds/${roundId}`, worker);
    expect(round.body).toMatchObject({ stage: 'posted' });
  });
});

const DECISION = { decisionNo: '88/QĐ-UBND', issuedOn: '2026-11-20', signer: 'Hồ Thị Lan' };

describe('a decision interrupted before it reached every household', () => {
  it('is completed by the next read, each household once, even by two completers at once', async () => {
    const households = [await register('44001'), await register('44001'), await register('44001')];
    const roundId = await postedRound('44001', households);
    const app = gw.runtime.app;
    // The decision is recorded, and the process stops before applying it to any household.
    await executeRoundCommand(
      app.deps.store,
      { type: 'IssueRoundDecision', roundId, ...DECISION },
      {
        actor: { id: 'supervisor-1', role: 'supervisor' },
        correlationId: 'interrupted',
        occurredAt: new Date('2026-11-20T00:00:00Z'),
        decide: { rules: await app.deps.rules.current(), units: app.units },
      },
    );
    const reviews = async (id: string) =>
      (await app.deps.store.readStream(`household-${id}`)).filter((e) => e.type === 'HouseholdAssessed').length;
    expect(await Promise.all(households.map(reviews))).toEqual([0, 0, 0]);

    // Two gateways completing at once (no queue or cache shared): the same events, stored once.
    const { state, recorded } = await loadRound(app.deps.store, roundId);
    if (state.status !== 'open') throw new Error('no round');
    const decide = { rules: await app.deps.rules.current(), units: app.units };
    const gateway = () => ({
      store: app.deps.store,
      decide,
      states: new HouseholdStateCache(10),
      queue: new KeyedMutex(),
    });
    const [first, second] = await Promise.all([
      applyDecision(gateway(), state, recorded),
      applyDecision(gateway(), state, recorded),
    ]);
    expect(first).toEqual({ households: 3, applied: 3, failed: [] });
    expect(second).toEqual({ households: 3, applied: 3, failed: [] });
    // The round itself records the completion at the next read.
    const round = await call('GET', `/v1/review-rounds/${roundId}`, worker);
    expect(round.body).toMatchObject({ stage: 'applied', decision: { households: 3, applied: 3, failed: [] } });
    expect(await Promise.all(households.map(reviews))).toEqual([1, 1, 1]);
    const applied = (await app.deps.store.readStream(`round-${roundId}`)).filter(
      (e) => e.type === 'RoundDecisionApplied',
    );
    expect(applied).toHaveLength(1);
    for (const id of households)
      expect(await app.deps.store.verifyStream(`household-${id}`)).toMatchObject({ valid: true });
  });
});
