import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * Erasure as a recorded act: a household with a named head and members with ID numbers, reviews and a
 * note, erased by an admin. Afterwards no read path answers a name or number, no table holds one, the
 * chain verifies, the reports and analytics are unchanged, and the history shows who erased and why.
 */

const HEAD = 'Trịnh Văn Xoá';
const HEAD_ID = '079199123456';
const MEMBER = 'Trịnh Thị Riêng';
const MEMBER_ID = '079199654321';
const NOTE = 'Thăm nhà ông Trịnh Văn Xoá';
/** What must be gone: the names (also folded as the search column holds them) and the numbers. */
const SECRETS = [HEAD, MEMBER, HEAD_ID, MEMBER_ID, 'trinh van xoa', 'trinh thi rieng', NOTE];
const REASON = 'Chủ hộ yêu cầu xoá dữ liệu cá nhân (đơn ngày 01/12/2026)';

let gw: RunningGateway;
let supervisor: Record<string, string>;
let admin: Record<string, string>;
let householdId = '';
let position = '';
const registration = {
  head: { fullName: HEAD, nationalId: HEAD_ID },
  householdCode: 'ER-01',
  memberCount: 3,
  area: 'rural',
  unitCode: '96101',
  occurredAt: '2024-01-10',
};

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);
const post = async (path: string, body: unknown, headers = supervisor) => {
  const answer = await postCreated(gw.baseUrl, path, body, headers);
  position = answer.position as string;
  return answer;
};
const expectNoSecret = (what: string, value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text, `${what} holds ${secret}`).not.toContain(secret);
};

/** Everything the analyst and the report readers see of province 96. */
async function figures(): Promise<unknown[]> {
  const analyst = await authHeaders('analyst');
  const answers = await Promise.all([
    call('GET', '/v1/reports/balance?unitCode=96&year=2025', supervisor),
    call('GET', '/v1/reports/rates?unitCode=96&year=2025', supervisor),
    call('GET', '/v1/analytics/units/96?fromYear=2024&toYear=2025', analyst),
    call('GET', '/v1/analytics/transitions?fromYear=2024&toYear=2025', analyst),
  ]);
  for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
  return answers.map((a) => a.body);
}

beforeAll(async () => {
  gw = await startGateway();
  supervisor = await authHeaders('supervisor', ['96']);
  admin = await authHeaders('admin');
  const registered = await post('/v1/households', registration, { ...supervisor, 'idempotency-key': 'erase-reg-1' });
  householdId = registered.householdId as string;
  const base = `/v1/households/${householdId}`;
  await post(`${base}/members`, {
    person: { fullName: HEAD, nationalId: HEAD_ID },
    facts: { sex: 'male', relationship: 'head', ethnicity: '01' },
    occurredAt: '2024-01-10',
  });
  await post(`${base}/members`, {
    person: { fullName: MEMBER, nationalId: MEMBER_ID },
    facts: { sex: 'female', relationship: 'spouse' },
    occurredAt: '2024-01-10',
  });
  const poor = { incomePerCapitaVnd: 1_200_000, deprivations: ['employment', 'water', 'sanitation'] };
  await post(`${base}/assessments`, { reviewType: 'regular', effectiveDate: '2024-03-01', ...poor });
  await post(`${base}/assessments`, {
    reviewType: 'regular',
    effectiveDate: '2025-04-01',
    incomePerCapitaVnd: 3_000_000,
    deprivations: [],
  });
  await post(`${base}/notes`, { text: NOTE, occurredAt: '2025-04-02' });
  // Another household of the same commune, never erased: the figures count both.
  await post('/v1/households', { ...registration, head: { fullName: 'Lê Văn Còn' }, householdCode: 'ER-02' });
  await call('GET', base, { ...supervisor, 'x-wait-for-position': position });
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

describe('POST /v1/households/{id}/erasure', () => {
  it('is refused to case workers, analysts and auditors; hidden from a supervisor of other units', async () => {
    const body = { reason: REASON };
    for (const role of ['case_worker', 'analyst', 'auditor'] as const) {
      const r = await call('POST', `/v1/households/${householdId}/erasure`, await authHeaders(role, ['96']), body);
      expect(r.status, role).toBe(403);
    }
    const outside = await call(
      'POST',
      `/v1/households/${householdId}/erasure`,
      await authHeaders('supervisor', ['86']),
      body,
    );
    expect(outside.status).toBe(404);
    const short = await call('POST', `/v1/households/${householdId}/erasure`, admin, { reason: 'vì sao' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const stale = await call('POST', `/v1/households/${householdId}/erasure`, { ...admin, 'if-match': '"2"' }, body);
    expect(stale.status).toBe(412);
    // Nothing was erased by any of these.
    const members = await call('GET', `/v1/households/${householdId}/members`, supervisor);
    expect(JSON.stringify(members.body)).toContain(MEMBER_ID);
  });

  it('erases every name and ID number from every read path; the chain verifies; the figures stay', async () => {
    const before = await figures();
    const version = (await call('GET', `/v1/households/${householdId}`, supervisor)).body.version as number;
    const erased = await call(
      'POST',
      `/v1/households/${householdId}/erasure`,
      {
        ...admin,
        'idempotency-key': 'erase-1',
        'if-match': `"${version}"`,
      },
      { reason: REASON },
    );
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    // Registration, two members, the note.
    expect(erased.body).toMatchObject({ version: version + 1, events: ['PersonalDataErased'], erasedEvents: 4 });
    position = erased.body.position as string;
    const waiting = { ...supervisor, 'x-wait-for-position': position };

    const household = await call('GET', `/v1/households/${householdId}`, waiting);
    expect(household.body).toMatchObject({ headName: null, householdCode: 'ER-01', version: version + 1 });
    expect(household.body.classification).toBe('non_poor');
    expectNoSecret('household', household.body);
    const fromAdmin = await call('GET', `/v1/households/${householdId}`, admin);
    expect(fromAdmin.body).toMatchObject({ headName: null });

    for (const q of ['trinh van xoa', 'Trịnh', HEAD_ID, MEMBER_ID]) {
      const found = await call('GET', `/v1/households?q=${encodeURIComponent(q)}`, waiting);
      expect(found.body.households, q).toEqual([]);
    }
    const byCode = await call('GET', '/v1/households?q=ER-01', waiting);
    expect((byCode.body.households as Array<{ householdId: string }>).map((h) => h.householdId)).toEqual([householdId]);
    expectNoSecret('list', (await call('GET', '/v1/households?unitCode=96101&sort=name', waiting)).body);

    const members = await call('GET', `/v1/households/${householdId}/members`, supervisor);
    expect(members.status).toBe(200);
    expect((members.body.members as unknown[]).length).toBe(2);
    expectNoSecret('members', members.body);

    const history = await call('GET', `/v1/households/${householdId}/history`, await authHeaders('auditor', ['96']));
    expectNoSecret('history', history.body);
    const events = history.body.events as Array<Record<string, Record<string, unknown> | string | null>>;
    expect(events.every((e) => e.personal === null)).toBe(true);
    expect(events.at(-1)).toMatchObject({
      type: 'PersonalDataErased',
      data: { reason: REASON, erasedEvents: 4 },
      metadata: { actorId: 'admin-1', actorRole: 'admin', idempotencyKey: 'erase-1' },
    });

    const state = await call('GET', `/v1/households/${householdId}/state`, supervisor);
    expect(state.status).toBe(200);
    expectNoSecret('state', state.body);
    const verify = await call('GET', `/v1/households/${householdId}/verify`, supervisor);
    expect(verify.body).toMatchObject({ valid: true, events: version + 1 });

    expect(await figures()).toEqual(before);
  });

  it('replays no name: the registration retried, the erasure retried; and no table holds one', async () => {
    // The registration's stored response was forgotten: the retry is answered from its events.
    const retried = await call(
      'POST',
      '/v1/households',
      { ...supervisor, 'idempotency-key': 'erase-reg-1' },
      registration,
    );
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body).toMatchObject({ householdId, version: 1 });
    expectNoSecret('registration retried', retried.body);

    const again = await call(
      'POST',
      `/v1/households/${householdId}/erasure`,
      { ...admin, 'idempotency-key': 'erase-1' },
      {
        reason: REASON,
      },
    );
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ erasedEvents: 4, events: ['PersonalDataErased'] });
    // A new erasure with nothing left to erase records nothing.
    const nothing = await call('POST', `/v1/households/${householdId}/erasure`, admin, { reason: REASON });
    expect(nothing.status).toBe(409);
    expect(nothing.body).toMatchObject({ code: 'NOTHING_TO_ERASE' });

    // Every row of every table of the database, as text (the event log, read models, gateway tables).
    const db = gw.runtime.app.deps.db;
    const tables = await sql<{ schema: string; name: string }>`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const t of tables.rows) {
      const rows = await sql<{
        row: string;
      }>`SELECT t::text AS row FROM ${sql.table(`${t.schema}.${t.name}`)} t`.execute(db);
      for (const { row } of rows.rows) {
        for (const secret of SECRETS) expect(row.includes(secret), `${t.schema}.${t.name} holds ${secret}`).toBe(false);
      }
    }
  });
});
