import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let worker: Record<string, string>;
let supervisor: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
  supervisor = await authHeaders('supervisor', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const post = async (path: string, body: unknown, headers: Record<string, string> = worker) => {
  const r = await fetch(`${gw.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: r.status, etag: r.headers.get('etag'), body: (await r.json()) as Record<string, unknown> };
};

async function registerIn2023(): Promise<string> {
  const r = await post('/v1/households', {
    head: { fullName: 'Châu Văn Lộc' },
    memberCount: 5,
    area: 'rural',
    unitCode: '96101', // an old Cà Mau commune, valid until the July 2025 reorganisation
    occurredAt: '2023-02-01',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.householdId as string;
}

const poor2023 = {
  reviewType: 'regular',
  effectiveDate: '2023-03-15',
  incomePerCapitaVnd: 1_200_000,
  deprivations: ['health_insurance', 'housing_quality', 'sanitation'],
  decisionNo: '45/QĐ-UBND',
  approvedBy: 'Chủ tịch UBND xã',
};

describe('commands on a household over HTTP', () => {
  it('refuses a periodic review effective 2026-01-10 without its list year, and classifies it under VN-2022-2026 with one', async () => {
    const id = await registerIn2023();
    const review = {
      reviewType: 'periodic',
      effectiveDate: '2026-01-10',
      incomePerCapitaVnd: 1_800_000,
      deprivations: ['health_insurance', 'housing_quality', 'sanitation'],
    };
    const r = await fetch(`${gw.baseUrl}/v1/households/${id}/assessments`, {
      method: 'POST',
      headers: worker,
      body: JSON.stringify(review),
    });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await r.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'LIST_YEAR_REQUIRED', status: 422 });
    expect(problem.detail).toMatch(/must state the list year it decides \(2026 or 2027\)/);

    const stated = await post(`/v1/households/${id}/assessments`, { ...review, listYear: 2026 });
    expect(stated.status, JSON.stringify(stated.body)).toBe(201);
    // 1,800,000 VND is above the 2022–2026 rural line (1,500,000): non-poor, not poor under the 2027 line.
    expect(stated.body).toMatchObject({ standardId: 'VN-2022-2026', classification: 'non_poor' });
  });

  it('classifies, escapes and relapses as the rules say, and the replay shows it', async () => {
    const id = await registerIn2023();
    const first = await post(`/v1/households/${id}/assessments`, poor2023);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      classification: 'poor',
      standardId: 'VN-2022-2026',
      // The first review that finds a household poor makes it newly poor (phát sinh nghèo).
      transition: 'newly_poor',
    });

    const loan = await post(`/v1/households/${id}/support-actions`, {
      kind: 'loan',
      loanId: 'VBSP-2023-0042',
      programme: 'poor_household',
      amountVnd: 50_000_000,
      termMonths: 60,
      occurredAt: '2023-06-01',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    const training = await post(`/v1/households/${id}/support-actions`, {
      kind: 'training',
      trainingId: 'TR-1',
      course: 'Nuôi tôm',
      occurredAt: '2023-07-01',
    });
    expect(training.status, JSON.stringify(training.body)).toBe(201);

    const escaped = await post(`/v1/households/${id}/assessments`, {
      reviewType: 'periodic',
      effectiveDate: '2024-12-10',
      incomePerCapitaVnd: 2_600_000,
      deprivations: [],
    });
    expect(escaped.body).toMatchObject({ classification: 'non_poor', transition: 'escaped_poverty' });

    const relapse = await post(`/v1/households/${id}/assessments`, {
      reviewType: 'regular',
      effectiveDate: '2026-04-20',
      incomePerCapitaVnd: 1_100_000,
      deprivations: ['health_insurance', 'water', 'sanitation'],
    });
    expect(relapse.body).toMatchObject({ classification: 'poor', transition: 'relapsed' });

    const auditor = await authHeaders('auditor', ['96']);
    const state = (await (await fetch(`${gw.baseUrl}/v1/households/${id}/state`, { headers: auditor })).json()) as {
      state: Record<string, unknown>;
    };
    expect(state.state).toMatchObject({
      classification: 'poor',
      escapes: [{ on: '2024-12-10', from: 'poor', to: 'non_poor', newlyEscapedUntil: '2027-12-10' }],
      relapses: [{ on: '2026-04-20', into: 'poor' }],
    });
    expect(state.state).not.toHaveProperty('log');
    const before = (await (
      await fetch(`${gw.baseUrl}/v1/households/${id}/state?asOf=2025-01-01`, { headers: auditor })
    ).json()) as {
      state: Record<string, unknown>;
    };
    expect(before.state).toMatchObject({ classification: 'non_poor', relapses: [] });
  });

  it('answers domain refusals with problem+json: out-of-order review, unknown indicator, bad amount', async () => {
    const id = await registerIn2023();
    expect((await post(`/v1/households/${id}/assessments`, poor2023)).status).toBe(201);
    const earlier = await post(`/v1/households/${id}/assessments`, { ...poor2023, effectiveDate: '2023-01-10' });
    expect(earlier.status).toBe(409);
    const unknown = await post(`/v1/households/${id}/assessments`, {
      ...poor2023,
      effectiveDate: '2023-05-01',
      deprivations: ['wifi'],
    });
    expect(unknown.status).toBe(422);
    const negative = await post(`/v1/households/${id}/support-actions`, {
      kind: 'other',
      description: 'x',
      valueVnd: -5,
      occurredAt: '2023-05-01',
    });
    expect(negative.status).toBe(400);
    const missing = await post(`/v1/households/${crypto.randomUUID()}/notes`, { text: 'hello' });
    expect(missing.status).toBe(404);
  });

  it('lets a supervisor void an event (and a case worker not), and the state stops counting it', async () => {
    const id = await registerIn2023();
    await post(`/v1/households/${id}/assessments`, poor2023);
    const note = await post(`/v1/households/${id}/notes`, { text: 'Visited, roof leaking', occurredAt: '2023-04-01' });
    expect(note.status).toBe(201);
    const history = (await (
      await fetch(`${gw.baseUrl}/v1/households/${id}/history`, { headers: supervisor })
    ).json()) as {
      events: Array<{ eventId: string; type: string }>;
    };
    const noteId = history.events.find((e) => e.type === 'NoteAdded')?.eventId;
    const byWorker = await post(`/v1/households/${id}/corrections`, {
      action: 'void',
      eventId: noteId,
      reason: 'wrong household',
    });
    expect(byWorker.status).toBe(403);
    const voided = await post(
      `/v1/households/${id}/corrections`,
      { action: 'void', eventId: noteId, reason: 'wrong household' },
      supervisor,
    );
    expect(voided.status, JSON.stringify(voided.body)).toBe(201);
    const again = await post(
      `/v1/households/${id}/corrections`,
      { action: 'void', eventId: noteId, reason: 'twice' },
      supervisor,
    );
    expect(again.status).toBe(409);
    const flag = await post(
      `/v1/households/${id}/flags`,
      { action: 'set', basis: 'no_working_age_labour', reason: 'elderly couple' },
      supervisor,
    );
    expect(flag.status, JSON.stringify(flag.body)).toBe(201);
  });
});

describe('concurrency on one household', () => {
  it('16 parallel commands with the same If-Match: one 201, fifteen 412', async () => {
    const id = await registerIn2023();
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        post(
          `/v1/households/${id}/notes`,
          { text: `note ${i}`, occurredAt: '2023-03-01' },
          { ...worker, 'if-match': '"1"' },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(15);
    expect(responses.find((r) => r.status === 412)?.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      currentVersion: 2,
    });
  });

  it('50 parallel commands without If-Match: all succeed, version +50, history contiguous', async () => {
    const id = await registerIn2023();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(`/v1/households/${id}/notes`, { text: `visit ${i}`, occurredAt: '2023-03-01' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const events = await gw.runtime.app.deps.store.readStream(`household-${id}`);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(50);
    expect((await gw.runtime.app.deps.store.verifyStream(`household-${id}`)).valid).toBe(true);
  });
});
