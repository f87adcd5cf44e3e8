import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/plugins/auth.js';
import { type RunningGateway, startGateway, tokenFor } from './helpers.js';

/**
 * Every route × every role × inside / outside the caller's units. The table is the policy: a route
 * missing here, or here but not in the app, fails the first test, so no route escapes the check.
 */
/**
 * `reference`: data every allowed role reads whole (rules), or a listing filtered to the caller's units.
 * `account`: an admin route on one account. `public`: sign-in, called without credentials with an account
 * of the role. `session`: the signed-in user's own routes, called with the cookie of an account of the role.
 */
type Kind =
  | 'household'
  | 'round'
  | 'create'
  | 'collection'
  | 'admin'
  | 'analytics'
  | 'reference'
  | 'imported'
  | 'account'
  | 'public'
  | 'session';
interface Target {
  id: string;
  eventId: string;
  memberId: string;
  /** A round's household (the round is `id`). */
  householdId?: string;
  username?: string;
  password?: string;
  cookies?: Record<string, string>;
}
interface Rule {
  roles: readonly Role[];
  kind: Kind;
  body?: (ctx: Target) => unknown;
  /** Roles allowed on a household outside their units too (admins erasing personal data). */
  anyUnit?: readonly Role[];
}
const R = (roles: readonly Role[], kind: Kind, body?: Rule['body'], anyUnit?: readonly Role[]): Rule => ({
  roles,
  kind,
  ...(body ? { body } : {}),
  ...(anyUnit ? { anyUnit } : {}),
});
const readers: Role[] = ['case_worker', 'supervisor', 'auditor'];
const everyone: Role[] = ['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'];
const workers: Role[] = ['case_worker', 'supervisor'];

// A dry run of a unit list changes nothing the other cases rely on.
const DRY_RUN: Record<string, string> = {
  'POST /v1/admin/units/imports': '?dryRun=true',
  'POST /v1/units/figures/imports': '?dryRun=true',
};
// Routes that name their target in the query: an event of the household.
const TARGET_QUERY: Record<string, (target: Target) => string> = {
  'GET /v1/log/proof': (t) => `?eventId=${t.eventId}`,
};
// What report routes need besides the unit (inside and outside the caller's units alike).
const REPORT_QUERY: Record<string, string> = {
  'GET /v1/reports/balance': '&year=2025',
  'GET /v1/reports/rates': '&year=2025',
  'GET /v1/reports/breakdown': '&year=2025&by=area',
  'GET /v1/reports/deprivations': '&year=2025',
  'GET /v1/reports/rounds': '&year=2026',
};
const reportReaders: Role[] = ['case_worker', 'supervisor', 'auditor', 'analyst'];

const POLICY: Record<string, Rule> = {
  'POST /v1/auth/sign-in': R(everyone, 'public', ({ username, password }) => ({ username, password })),
  'POST /v1/auth/sign-out': R(everyone, 'session', () => ({})),
  'GET /v1/auth/me': R(everyone, 'session'),
  'POST /v1/auth/password': R(everyone, 'session', ({ password }) => ({
    currentPassword: password,
    newPassword: 'another good password',
  })),
  'GET /v1/admin/users': R(['admin'], 'admin'),
  'GET /v1/admin/users/:id': R(['admin'], 'account'),
  'POST /v1/admin/users': R(['admin'], 'admin', () => ({
    username: `table.${crypto.randomUUID().slice(0, 8)}`,
    displayName: 'Vũ Thị Thu',
    role: 'auditor',
    units: ['96'],
  })),
  'PATCH /v1/admin/users/:id': R(['admin'], 'account', () => ({ displayName: 'Vũ Thị Thảo', units: ['31843'] })),
  'POST /v1/admin/users/:id/password-reset': R(['admin'], 'account', () => ({})),
  'POST /v1/households': R(workers, 'create', () => ({
    head: { fullName: 'Bùi Văn Tân' },
    memberCount: 3,
    area: 'rural',
    unitCode: '96001',
  })),
  'GET /v1/households': R(readers, 'collection'),
  'GET /v1/households/:id': R([...readers, 'admin'], 'household', undefined, ['admin']),
  'POST /v1/households/:id/assessments': R(workers, 'household', () => ({
    reviewType: 'regular',
    effectiveDate: '2023-05-01',
    incomePerCapitaVnd: 1_300_000,
    deprivations: ['water', 'sanitation', 'telecom'],
  })),
  'POST /v1/households/:id/support-actions': R(workers, 'household', () => ({
    kind: 'job_placement',
    channel: 'local_employer',
    employer: 'Công ty A',
    occurredAt: '2023-05-02',
  })),
  'POST /v1/households/:id/notes': R(workers, 'household', () => ({ text: 'Home visit', occurredAt: '2023-05-03' })),
  'POST /v1/households/:id/members': R(workers, 'household', () => ({ memberCount: 6, occurredAt: '2023-05-04' })),
  'GET /v1/households/:id/members': R(readers, 'household'),
  'PATCH /v1/households/:id/members/:memberId': R(workers, 'household', () => ({
    facts: { healthInsurance: true },
    occurredAt: '2023-05-04',
  })),
  'POST /v1/households/:id/members/:memberId/removal': R(workers, 'household', () => ({
    reason: 'moved_out',
    occurredAt: '2023-05-04',
  })),
  'POST /v1/households/:id/moves': R(workers, 'household', () => ({ toUnitCode: '96102', occurredAt: '2023-05-05' })),
  'POST /v1/households/:id/flags': R(['supervisor'], 'household', () => ({
    action: 'set',
    basis: 'other',
    reason: 'disability',
    occurredAt: '2023-05-06',
  })),
  'POST /v1/households/:id/corrections': R(['supervisor'], 'household', ({ eventId }) => ({
    action: 'void',
    eventId,
    reason: 'entered twice',
  })),
  'POST /v1/households/:id/erasure': R(
    ['supervisor', 'admin'],
    'household',
    () => ({ reason: 'Chủ hộ yêu cầu xoá dữ liệu cá nhân' }),
    ['admin'],
  ),
  'POST /v1/households/:id/closure': R(['supervisor'], 'household', () => ({
    reason: 'dissolved',
    occurredAt: '2023-05-07',
  })),
  'POST /v1/review-rounds': R(['supervisor'], 'create', () => ({
    kind: 'regular',
    unitCode: '96001',
    listYear: 2026,
    openedOn: '2026-03-16',
  })),
  'GET /v1/review-rounds': R(readers, 'collection'),
  'GET /v1/review-rounds/:id': R(readers, 'round'),
  'POST /v1/review-rounds/:id/surveys': R(workers, 'round', ({ householdId }) => ({
    householdId,
    surveyedOn: '2026-03-21',
    incomePerCapitaVnd: 1_000_000,
    deprivations: ['water'],
  })),
  'POST /v1/review-rounds/:id/meetings': R(workers, 'round', ({ householdId }) => ({
    village: 'Ấp 1',
    heldOn: '2026-03-25',
    document: 'Biên bản',
    outcomes: [{ householdId, outcome: 'agreed' }],
  })),
  'POST /v1/review-rounds/:id/postings': R(['supervisor'], 'round', () => ({
    from: '2026-04-01',
    to: '2026-04-07',
    document: 'Thông báo',
  })),
  'POST /v1/review-rounds/:id/complaints': R(workers, 'round', ({ householdId }) => ({
    householdId,
    receivedOn: '2026-04-02',
    summary: 'Xin xem xét lại',
  })),
  'POST /v1/review-rounds/:id/complaint-resolutions': R(['supervisor'], 'round', ({ householdId }) => ({
    householdId,
    resolvedOn: '2026-04-06',
    outcome: 'rejected',
  })),
  'POST /v1/review-rounds/:id/decision': R(['supervisor'], 'round', () => ({
    decisionNo: '12/QĐ-UBND',
    issuedOn: '2026-04-10',
    signer: 'Ngô Văn Chủ',
  })),
  'GET /v1/households/:id/history': R(readers, 'household'),
  'GET /v1/households/:id/state': R(readers, 'household'),
  'GET /v1/households/:id/verify': R(readers, 'household'),
  'GET /v1/access-log': R(['auditor', 'admin'], 'admin'),
  'GET /v1/log/checkpoints': R(['auditor', 'admin'], 'admin'),
  'GET /v1/log/proof': R(['auditor', 'admin'], 'household'),
  'GET /v1/analytics/relapse/survival': R(['analyst'], 'analytics'),
  'GET /v1/analytics/relapse/survival.svg': R(['analyst'], 'analytics'),
  'GET /v1/analytics/relapse/episodes.csv': R(['analyst'], 'analytics'),
  'GET /v1/analytics/cohorts': R(['analyst'], 'analytics'),
  'GET /v1/analytics/transitions': R(['analyst'], 'analytics'),
  'GET /v1/analytics/units/:code': R(['analyst'], 'analytics'),
  'GET /v1/reports/balance': R(reportReaders, 'analytics'),
  'GET /v1/reports/rates': R(reportReaders, 'analytics'),
  'GET /v1/reports/breakdown': R(reportReaders, 'analytics'),
  'GET /v1/reports/deprivations': R(reportReaders, 'analytics'),
  'GET /v1/reports/rounds': R(readers, 'analytics'),
  'GET /v1/units/:code/figures/:year': R(everyone, 'analytics'),
  'PUT /v1/units/:code/figures/:year': R(['supervisor', 'admin'], 'analytics', () => ({
    households: 1_000,
    population: 4_000,
    source: 'Niên giám thống kê',
  })),
  'PUT /v1/units/:code/targets/:year': R(['supervisor', 'admin'], 'analytics', () => ({
    targets: [{ list: 'poor', kind: 'rate_below_percent', value: 5 }],
  })),
  'POST /v1/units/figures/imports': R(['supervisor', 'admin'], 'reference', () => ({
    csv: 'Mã đơn vị,Năm,Tổng số hộ\n96,2025,1000\n',
    source: 'Niên giám thống kê',
  })),
  'GET /v1/rules': R(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'], 'reference'),
  'POST /v1/imports': R(['case_worker', 'supervisor', 'admin'], 'create', listForm),
  'GET /v1/imports': R(['case_worker', 'supervisor', 'admin'], 'reference'),
  'GET /v1/imports/:id': R(['case_worker', 'supervisor', 'admin'], 'imported'),
  'GET /v1/imports/:id/report.csv': R(['case_worker', 'supervisor', 'admin'], 'imported'),
  'GET /v1/rules/:version/affected-reviews': R(['supervisor', 'admin'], 'reference'),
  'GET /v1/units': R(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'], 'reference'),
  'GET /v1/admin/units/imports': R(['admin'], 'admin'),
  'POST /v1/admin/units/imports': R(['admin'], 'admin', () => ({
    effectiveOn: '2030-01-01',
    csv: 'code,level,kind,name,parent_code\n96,province,province,Tỉnh Cà Mau,\n',
  })),
  'GET /v1/admin/rules': R(['admin'], 'admin'),
  'GET /v1/admin/rules/:version': R(['admin'], 'admin'),
  'POST /v1/admin/rules': R(['admin'], 'admin', () => ({
    id: 'student-rate-2030',
    title: 'Student loan rate from 2030',
    effectiveFrom: '2030-01-01',
    reason: 'authorization test',
    loanRates: [{ programme: 'student', validFrom: '2030-01-01', annualRatePercent: 6.6, basis: 'test' }],
  })),
};
const ROLES: Role[] = ['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'];

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

/** `token` undefined: no Authorization header (sign-in; or a session's cookies in `headers`). */
async function call(
  method: string,
  url: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  // A form (a file upload) sets its own multipart content type.
  const form = body instanceof FormData;
  const r = await gw.runtime.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(form ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined ? { payload: form ? body : JSON.stringify(body) } : {}),
  });
  return r;
}

/** An import (a dry run) into province 96. */
async function anImport(): Promise<{ id: string; eventId: string; memberId: string }> {
  const r = await call('POST', '/v1/imports', await tokenFor('supervisor', ['96']), listForm());
  return { id: (JSON.parse(r.body) as { id: string }).id, eventId: '', memberId: '' };
}

/** An account of `role` (made by an admin), signed in when `signIn`: its cookies and CSRF header. */
async function anAccount(role: Role, signIn = false): Promise<Target> {
  const username = `table.${role}.${crypto.randomUUID().slice(0, 8)}`;
  const password = 'a good password for the table';
  const created = await call('POST', '/v1/admin/users', await tokenFor('admin'), {
    username,
    displayName: 'Đỗ Văn Hùng',
    role,
    units: ['96'],
    password,
  });
  const id = (JSON.parse(created.body) as { user: { id: string } }).user.id;
  if (!signIn) return { id, eventId: '', memberId: '', username, password };
  const signedIn = await call('POST', '/v1/auth/sign-in', undefined, { username, password });
  const cookies = Object.fromEntries(signedIn.cookies.map((c) => [c.name, c.value]));
  return { id, eventId: '', memberId: '', username, password, cookies };
}

/** A one-row list to upload, in the caller's province. */
function listForm(): FormData {
  const form = new FormData();
  const csv = 'Mã hộ,Họ và tên chủ hộ,Số nhân khẩu,Mã xã,Phân loại,Năm\nAUTH-1,Lò Văn Tâm,3,31843,Hộ nghèo,2026\n';
  form.set('file', new Blob([csv]), 'list.csv');
  form.set('unitScope', '96');
  form.set('dryRun', 'true');
  return form;
}

/**
 * A household in 96101 (an old Cà Mau commune) with a poor review: every command has something to act
 * on; with `members`, two listed members (the second is the one member routes act on).
 */
async function household(members = false): Promise<{ id: string; eventId: string; memberId: string }> {
  const token = await tokenFor('supervisor', ['96']);
  const reg = await call('POST', '/v1/households', token, {
    head: { fullName: 'Đinh Thị Mai' },
    memberCount: 4,
    area: 'rural',
    unitCode: '96101',
    occurredAt: '2023-01-10',
  });
  const id = (JSON.parse(reg.body) as { householdId: string }).householdId;
  await call('POST', `/v1/households/${id}/assessments`, token, {
    reviewType: 'regular',
    effectiveDate: '2023-02-01',
    incomePerCapitaVnd: 1_000_000,
    deprivations: ['water', 'sanitation', 'telecom'],
  });
  const memberId = crypto.randomUUID();
  if (members) {
    for (const [mid, relationship] of [
      [crypto.randomUUID(), 'head'],
      [memberId, 'child'],
    ] as const) {
      await call('POST', `/v1/households/${id}/members`, token, {
        memberId: mid,
        person: { fullName: 'Đinh Văn Lực' },
        facts: { sex: 'male', relationship },
        occurredAt: '2023-02-01',
      });
    }
  }
  const note = await call('POST', `/v1/households/${id}/notes`, token, {
    text: 'first visit',
    occurredAt: '2023-02-02',
  });
  // Read models are eventually consistent: wait until the status read has caught up with the household.
  const { position } = JSON.parse(note.body) as { position: string };
  await call('GET', `/v1/households/${id}`, token, undefined, { 'x-wait-for-position': position });
  const history = JSON.parse((await call('GET', `/v1/households/${id}/history`, token)).body) as {
    events: Array<{ eventId: string; type: string }>;
  };
  return { id, eventId: history.events.find((e) => e.type === 'NoteAdded')?.eventId ?? '', memberId };
}

/** The step of a round each route acts on: a round in 96001 (regular, 2026) brought just before it. */
const ROUND_STAGE: Record<string, 'open' | 'surveyed' | 'agreed' | 'posted' | 'complained'> = {
  'GET /v1/review-rounds/:id': 'posted',
  'POST /v1/review-rounds/:id/surveys': 'open',
  'POST /v1/review-rounds/:id/meetings': 'surveyed',
  'POST /v1/review-rounds/:id/postings': 'agreed',
  'POST /v1/review-rounds/:id/complaints': 'posted',
  'POST /v1/review-rounds/:id/complaint-resolutions': 'complained',
  'POST /v1/review-rounds/:id/decision': 'posted',
};

async function round(stage: (typeof ROUND_STAGE)[string]): Promise<Target> {
  const token = await tokenFor('supervisor', ['96']);
  const json = async (method: string, url: string, body: unknown) =>
    JSON.parse((await call(method, url, token, body)).body) as Record<string, string>;
  const { householdId = '' } = await json('POST', '/v1/households', {
    head: { fullName: 'Lâm Thị Út' },
    memberCount: 3,
    area: 'rural',
    unitCode: '96001',
    village: 'Ấp 1',
    occurredAt: '2026-01-10',
  });
  const { roundId = '' } = await json('POST', '/v1/review-rounds', {
    kind: 'regular',
    unitCode: '96001',
    listYear: 2026,
    openedOn: '2026-03-16',
  });
  const base = `/v1/review-rounds/${roundId}`;
  const steps: Array<[string, unknown]> = [
    [`${base}/surveys`, { householdId, surveyedOn: '2026-03-20', incomePerCapitaVnd: 1_000_000, deprivations: [] }],
    [
      `${base}/meetings`,
      { village: 'Ấp 1', heldOn: '2026-03-25', document: 'Biên bản', outcomes: [{ householdId, outcome: 'agreed' }] },
    ],
    [`${base}/postings`, { from: '2026-04-01', to: '2026-04-07', document: 'Thông báo' }],
    [`${base}/complaints`, { householdId, receivedOn: '2026-04-02', summary: 'Xin xem xét lại' }],
  ];
  const count = { open: 0, surveyed: 1, agreed: 2, posted: 3, complained: 4 }[stage];
  for (const [url, body] of steps.slice(0, count)) await json('POST', url, body);
  return { id: roundId, eventId: '', memberId: '', householdId };
}

describe('authorization table', () => {
  it('covers every route of the API', () => {
    const routes = gw.runtime.app.routeTable.filter((r) => r.url.startsWith('/v1')).map((r) => `${r.method} ${r.url}`);
    expect([...new Set(routes)].sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const [route, rule] of Object.entries(POLICY)) {
    for (const role of ROLES) {
      const allowed = rule.roles.includes(role);
      it(`${route} as ${role}: ${allowed ? 'inside → allowed, outside → hidden or refused' : 'refused (403)'}`, async () => {
        const [method, path] = route.split(' ') as [string, string];
        const target: Target =
          rule.kind === 'household'
            ? await household(path.includes(':memberId'))
            : rule.kind === 'round'
              ? await round(ROUND_STAGE[route] ?? 'open')
              : rule.kind === 'imported'
                ? await anImport()
                : rule.kind === 'account' || rule.kind === 'public' || rule.kind === 'session'
                  ? await anAccount(role, rule.kind === 'session')
                  : { id: '', eventId: '', memberId: '' };
        const url = path
          .replace(':id', target.id)
          .replace(':memberId', target.memberId)
          .replace(':code', '96')
          .replace(':year', '2025')
          .replace(':version', '1')
          .concat(TARGET_QUERY[route]?.(target) ?? '');
        // Analytics routes name their unit in the query, except the one that names it in the path.
        const unitQuery =
          rule.kind === 'analytics' && !path.includes(':code') ? `?unitCode=96${REPORT_QUERY[route] ?? ''}` : '';
        const body = rule.body?.(target);
        const unscoped = ['admin', 'reference', 'account', 'public', 'session'].includes(rule.kind);
        const insideUnits = unscoped ? [] : ['96'];
        // Sign-in goes without credentials; the session routes with the account's cookie and CSRF token.
        const session: Record<string, string> = target.cookies
          ? {
              cookie: Object.entries(target.cookies)
                .map(([k, v]) => `${k}=${v}`)
                .join('; '),
              'x-csrf-token': target.cookies.benvung_csrf ?? '',
            }
          : {};
        const inside = await call(
          method,
          `${url}${unitQuery}${DRY_RUN[route] ?? ''}`,
          rule.kind === 'public' || rule.kind === 'session' ? undefined : await tokenFor(role, insideUnits),
          body,
          session,
        );
        if (!allowed) {
          expect(inside.statusCode, inside.body).toBe(403);
          return;
        }
        expect(inside.statusCode, inside.body).toBeLessThan(300);
        if (unscoped) return;
        const outsideToken = await tokenFor(role, ['86']);
        const outsideUrl =
          rule.kind === 'analytics' ? `${url}${unitQuery}` : rule.kind === 'collection' ? `${url}?unitCode=96001` : url;
        const outside = await call(method, outsideUrl, outsideToken, body);
        if (rule.anyUnit?.includes(role)) {
          // Allowed everywhere: not hidden, not refused (an erasure repeated has nothing left: 409).
          expect([403, 404], outside.body).not.toContain(outside.statusCode);
          return;
        }
        // A household (or import) outside the caller's units does not exist for them; a unit outside them is refused.
        expect(outside.statusCode, outside.body).toBe(
          rule.kind === 'household' || rule.kind === 'imported' || rule.kind === 'round' ? 404 : 403,
        );
      });
    }
  }
});
