import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_AUDIENCE } from '../src/application/session-token.js';
import { authHeaders, TEST_JWT_SECRET, tokenFor } from './helpers.js';
import { type AccountsGateway, Browser, startAccountsGateway } from './session-client.js';

/** Local accounts and the web app's session: cookies, CSRF, lock-out, revocation, scoping. */

const ADMIN_PASSWORD = 'admin passphrase for tests';
let gw: AccountsGateway;
let admin: Browser;
/** Every password these tests use: none may reach a log line. */
const passwords = new Set<string>([ADMIN_PASSWORD]);

beforeAll(async () => {
  gw = await startAccountsGateway({ adminPassword: ADMIN_PASSWORD });
  admin = new Browser(gw.baseUrl);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
});
afterAll(async () => {
  await gw?.close();
});

let serial = 0;
/** A new account made by the admin with a password of its own (no change required). */
async function account(role = 'case_worker', units: string[] = ['96']) {
  const username = `user.${++serial}.${randomUUID().slice(0, 6)}`;
  const password = `password of ${username}`;
  passwords.add(password);
  const r = await admin.request('POST', '/v1/admin/users', {
    body: { username, displayName: 'Lê Thị Hoa', role, units, password },
    csrf: true,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: (r.body.user as { id: string }).id, username, password };
}

const problemCode = (r: { body: Record<string, unknown> }) => r.body.code;

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie, and answers the user', async () => {
    const { username, password } = await account('supervisor', ['96']);
    const browser = new Browser(gw.baseUrl);
    const r = await browser.signIn(username.toUpperCase(), password);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username, role: 'supervisor', units: ['96'], mustChangePassword: false });
    const session = r.setCookies.find((c) => c.startsWith('benvung_session='));
    const csrf = r.setCookies.find((c) => c.startsWith('benvung_csrf='));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Strict/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/; Secure/i); // plain HTTP here; Secure over TLS
    expect(csrf).toMatch(/; SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(r.body.csrfToken).toBe(browser.csrf);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('works for reads with the cookie, and answers the CSRF token again after a reload', async () => {
    const { username, password } = await account('case_worker', ['96']);
    const browser = new Browser(gw.baseUrl);
    const signedIn = await browser.signIn(username, password);
    const me = await browser.request('GET', '/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ via: 'session', user: { username }, csrfToken: signedIn.body.csrfToken });
    const list = await browser.request('GET', '/v1/households?unitCode=96');
    expect(list.status, gw.logLines.filter((l) => l.includes('"level":50')).join('\n')).toBe(200);
    expect((await browser.request('GET', '/v1/rules')).status).toBe(200);
  });

  it('refuses an unsafe request with the cookie but without the CSRF header, or with a wrong one', async () => {
    const body = { username: `csrf.${randomUUID().slice(0, 8)}`, displayName: 'X', role: 'auditor', units: [] };
    const missing = await admin.request('POST', '/v1/admin/users', { body });
    expect(missing.status).toBe(403);
    expect(problemCode(missing)).toBe('CSRF_INVALID');
    const wrong = await admin.request('POST', '/v1/admin/users', { body, headers: { 'x-csrf-token': 'a'.repeat(43) } });
    expect(wrong.status).toBe(403);
    expect(problemCode(wrong)).toBe('CSRF_INVALID');
    // The token of another session does not do either.
    const other = new Browser(gw.baseUrl);
    await other.signIn('admin', ADMIN_PASSWORD);
    const foreign = await admin.request('POST', '/v1/admin/users', {
      body,
      headers: { 'x-csrf-token': other.csrf ?? '' },
    });
    expect(problemCode(foreign)).toBe('CSRF_INVALID');
    const ok = await admin.request('POST', '/v1/admin/users', { body, csrf: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('keeps bearer tokens working without CSRF, ahead of any cookie, and refuses a session token as a bearer', async () => {
    const headers = { ...(await authHeaders('admin')), cookie: 'benvung_session=not-a-token' };
    const r = await fetch(`${gw.baseUrl}/v1/admin/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: `bearer.${randomUUID().slice(0, 8)}`, displayName: 'Y', role: 'analyst' }),
    });
    expect(r.status).toBe(201);
    const me = await fetch(`${gw.baseUrl}/v1/auth/me`, { headers: await authHeaders('case_worker', ['96']) });
    expect(await me.json()).toMatchObject({
      via: 'bearer',
      user: { id: 'case_worker-1', role: 'case_worker', units: ['96'], username: null },
      csrfToken: null,
    });
    const lifted = admin.cookies.get('benvung_session') ?? '';
    const asBearer = await fetch(`${gw.baseUrl}/v1/admin/users`, { headers: { authorization: `Bearer ${lifted}` } });
    expect(asBearer.status).toBe(401);
  });

  it('accepts credentials only as JSON, so a cross-site form cannot sign anyone in', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=admin&password=${encodeURIComponent(ADMIN_PASSWORD)}`,
    });
    expect(r.status).toBe(415);
    expect(await r.json()).toMatchObject({ code: 'JSON_REQUIRED' });
    expect(r.headers.getSetCookie()).toEqual([]);
  });

  it('answers a wrong password and an unknown username alike (401 INVALID_CREDENTIALS), both after a real check', async () => {
    const { username } = await account();
    const timed = async (name: string) => {
      const started = performance.now();
      const r = await new Browser(gw.baseUrl).signIn(name, 'not the password at all');
      return { ...r, ms: performance.now() - started };
    };
    const known = await timed(username);
    const unknown = await timed(`nobody.${randomUUID().slice(0, 8)}`);
    for (const r of [known, unknown]) {
      expect(r.status).toBe(401);
      expect(r.setCookies).toEqual([]);
    }
    const strip = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;
    expect(strip(unknown.body)).toEqual(strip(known.body));
    expect(known.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // A password hash costs tens of milliseconds; an answer without one would take a few.
    expect(unknown.ms).toBeGreaterThan(20);
    expect(known.ms).toBeGreaterThan(20);
  });
});

describe('lock-out', () => {
  it('locks after five failures in a row (423 with Retry-After), even for the right password, until an admin resets', async () => {
    const { id, username, password } = await account();
    const browser = new Browser(gw.baseUrl);
    // A success in between starts the count again.
    for (let i = 0; i < 4; i++) expect((await browser.signIn(username, 'wrong password!')).status).toBe(401);
    expect((await browser.signIn(username, password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await browser.signIn(username, 'wrong password!')).status).toBe(401);
    const fifth = await browser.signIn(username, 'wrong password!');
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const locked = await browser.signIn(username, password);
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const listed = await admin.request('GET', `/v1/admin/users/${id}`);
    expect(listed.body.lockedUntil).toEqual(expect.any(String));

    const reset = await admin.request('POST', `/v1/admin/users/${id}/password-reset`, { csrf: true });
    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ lockedUntil: null, failedAttempts: 0, mustChangePassword: true });
    const oneTime = reset.body.oneTimePassword as string;
    passwords.add(oneTime);
    expect((await browser.signIn(username, password)).status).toBe(401);
    const after = await browser.signIn(username, oneTime);
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ mustChangePassword: true });
  });

  it('locks an unknown username the same way, so locking does not tell which usernames exist', async () => {
    const browser = new Browser(gw.baseUrl);
    const name = `ghost.${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 4; i++) expect((await browser.signIn(name, 'wrong password!')).status).toBe(401);
    const fifth = await browser.signIn(name, 'wrong password!');
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });
});

describe('ending sessions', () => {
  it('signing out revokes the session: a kept copy of the old cookie no longer works', async () => {
    const { username, password } = await account();
    const browser = new Browser(gw.baseUrl);
    await browser.signIn(username, password);
    const copy = new Browser(gw.baseUrl);
    for (const [k, v] of browser.cookies) copy.cookies.set(k, v);
    const out = await browser.request('POST', '/v1/auth/sign-out', { csrf: true });
    expect(out.status).toBe(204);
    expect(browser.cookies.size).toBe(0);
    const stale = await copy.request('GET', '/v1/auth/me');
    expect(stale.status).toBe(401);
    expect(problemCode(stale)).toBe('SESSION_REVOKED');
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const { username, password } = await account();
    const here = new Browser(gw.baseUrl);
    const there = new Browser(gw.baseUrl);
    await here.signIn(username, password);
    await there.signIn(username, password);
    const change = (currentPassword: string, newPassword: string) =>
      here.request('POST', '/v1/auth/password', { body: { currentPassword, newPassword }, csrf: true });
    expect(problemCode(await change('not my password', 'a brand new password'))).toBe('CURRENT_PASSWORD_INCORRECT');
    expect(problemCode(await change(password, 'short'))).toBe('PASSWORD_TOO_SHORT');
    expect(problemCode(await change(password, username.toUpperCase()))).toBe('PASSWORD_EQUALS_USERNAME');
    expect(problemCode(await change(password, password))).toBe('PASSWORD_UNCHANGED');
    const newPassword = 'a brand new password';
    passwords.add(newPassword);
    const changed = await change(password, newPassword);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await there.request('GET', '/v1/auth/me')).status).toBe(401);
    expect((await here.request('GET', '/v1/auth/me')).status).toBe(200);
    expect((await new Browser(gw.baseUrl).signIn(username, password)).status).toBe(401);
    expect((await new Browser(gw.baseUrl).signIn(username, newPassword)).status).toBe(200);
  });

  it('a disabled user is signed out at once and cannot sign in again', async () => {
    const { id, username, password } = await account();
    const browser = new Browser(gw.baseUrl);
    await browser.signIn(username, password);
    const disabled = await admin.request('PATCH', `/v1/admin/users/${id}`, { body: { disabled: true }, csrf: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true });
    expect((await browser.request('GET', '/v1/auth/me')).status).toBe(401);
    const again = await browser.signIn(username, password);
    expect(again.status).toBe(403);
    expect(problemCode(again)).toBe('ACCOUNT_DISABLED');
    // A wrong password tells nothing more than for anyone else.
    expect(problemCode(await browser.signIn(username, 'wrong password!'))).toBe('INVALID_CREDENTIALS');
  });

  it('renews a token past half its life, and refuses an expired one (clearing the cookies)', async () => {
    const { username, password } = await account();
    const browser = new Browser(gw.baseUrl);
    const signedIn = await browser.signIn(username, password);
    const session = await gw.runtime.app.deps.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', (signedIn.body.user as { id: string }).id)
      .executeTakeFirstOrThrow();
    const now = Math.floor(Date.now() / 1000);
    const token = (iat: number, exp: number) =>
      new SignJWT({ role: 'case_worker', units: ['96'], sid: session.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject((signedIn.body.user as { id: string }).id)
        .setAudience(SESSION_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(TEST_JWT_SECRET);
    const old = await token(now - 10 * 60, now + 5 * 60);
    browser.cookies.set('benvung_session', old);
    const renewed = await browser.request('GET', '/v1/auth/me');
    expect(renewed.status).toBe(200);
    expect(renewed.setCookies.some((c) => c.startsWith('benvung_session='))).toBe(true);
    expect(browser.cookies.get('benvung_session')).not.toBe(old);

    browser.cookies.set('benvung_session', await token(now - 20 * 60, now - 5 * 60));
    const expired = await browser.request('GET', '/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(problemCode(expired)).toBe('SESSION_EXPIRED');
    expect(browser.cookies.has('benvung_session')).toBe(false);
  });
});

describe('administering accounts', () => {
  it('creates a case worker for a real commune who registers households there and nowhere else', async () => {
    const username = `canbo.${randomUUID().slice(0, 6)}`;
    const created = await admin.request('POST', '/v1/admin/users', {
      body: { username, displayName: 'Trần Văn Nam', role: 'case_worker', units: ['31843'] },
      csrf: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/admin/users/${(created.body.user as { id: string }).id}`);
    const oneTime = created.body.oneTimePassword as string;
    passwords.add(oneTime);
    expect(created.body.user).toMatchObject({ units: ['31843'], mustChangePassword: true });

    const worker = new Browser(gw.baseUrl);
    expect((await worker.signIn(username, oneTime)).status).toBe(200);
    const own = 'mật khẩu của cán bộ xã';
    passwords.add(own);
    const changed = await worker.request('POST', '/v1/auth/password', {
      body: { currentPassword: oneTime, newPassword: own },
      csrf: true,
    });
    expect(changed.status).toBe(200);
    const register = (unitCode: string) =>
      worker.request('POST', '/v1/households', {
        body: { head: { fullName: 'Trương Văn Phước' }, memberCount: 4, unitCode, occurredAt: '2025-08-01' },
        csrf: true,
      });
    const inside = await register('31843');
    expect(inside.status, JSON.stringify(inside.body)).toBe(201);
    const outside = await register('31825');
    expect(outside.status).toBe(403);
    expect(problemCode(outside)).toBe('UNIT_OUT_OF_SCOPE');
  });

  it('refuses unknown unit codes (422 UNKNOWN_UNIT, naming them) and a taken username in any case (409)', async () => {
    const unknown = await admin.request('POST', '/v1/admin/users', {
      body: {
        username: `u.${randomUUID().slice(0, 6)}`,
        displayName: 'Z',
        role: 'case_worker',
        units: ['31843', '99999'],
      },
      csrf: true,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_UNIT', codes: ['99999'] });
    const taken = await admin.request('POST', '/v1/admin/users', {
      body: { username: 'Admin', displayName: 'Z', role: 'admin' },
      csrf: true,
    });
    expect(taken.status).toBe(409);
    expect(problemCode(taken)).toBe('USERNAME_TAKEN');
    const weak = await admin.request('POST', '/v1/admin/users', {
      body: { username: 'weakling', displayName: 'Z', role: 'auditor', password: 'weakling' },
      csrf: true,
    });
    expect(problemCode(weak)).toBe('PASSWORD_TOO_SHORT');
  });

  it('changes role and units at once for signed-in sessions, and keeps the last admin', async () => {
    const { id, username, password } = await account('case_worker', ['96']);
    const browser = new Browser(gw.baseUrl);
    await browser.signIn(username, password);
    const patched = await admin.request('PATCH', `/v1/admin/users/${id}`, {
      body: { role: 'auditor', units: ['31843'] },
      csrf: true,
    });
    expect(patched.body).toMatchObject({ role: 'auditor', units: ['31843'] });
    expect((await browser.request('GET', '/v1/auth/me')).body).toMatchObject({
      user: { role: 'auditor', units: ['31843'] },
    });
    const me = (await admin.request('GET', '/v1/auth/me')).body.user as { id: string };
    const demote = await admin.request('PATCH', `/v1/admin/users/${me.id}`, { body: { disabled: true }, csrf: true });
    expect(demote.status).toBe(409);
    expect(problemCode(demote)).toBe('LAST_ADMIN');
  });

  it('keeps /v1/admin/users from everyone but admins, by cookie or bearer', async () => {
    const { username, password } = await account('supervisor', ['96']);
    const browser = new Browser(gw.baseUrl);
    await browser.signIn(username, password);
    const list = await browser.request('GET', '/v1/admin/users');
    expect(list.status).toBe(403);
    expect(problemCode(list)).toBe('FORBIDDEN');
    const create = await browser.request('POST', '/v1/admin/users', {
      body: { username: 'sneaky.one', displayName: 'S', role: 'admin' },
      csrf: true,
    });
    expect(create.status).toBe(403);
    const bearer = await fetch(`${gw.baseUrl}/v1/admin/users`, {
      headers: { authorization: `Bearer ${await tokenFor('supervisor', ['96'])}` },
    });
    expect(bearer.status).toBe(403);
  });

  it('describes every account route in the API document, sign-in without security', async () => {
    const doc = (await (await fetch(`${gw.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; responses: object }>>;
    };
    const ids = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/auth') || path.startsWith('/v1/admin/users'))
      .flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId))
      .sort();
    expect(ids).toEqual([
      'changePassword',
      'createUser',
      'getCurrentUser',
      'getUser',
      'listUsers',
      'resetUserPassword',
      'signIn',
      'signOut',
      'updateUser',
    ]);
    const signIn = doc.paths['/v1/auth/sign-in']?.post;
    expect(signIn?.security).toEqual([]);
    expect(Object.keys(signIn?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '415', '423']));
  });

  it('stores scrypt hashes, never passwords, and logs no password', async () => {
    const rows = await gw.runtime.app.deps.db.selectFrom('user_account').select(['password_hash']).execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const { password_hash } of rows) {
      expect(password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      for (const p of passwords) expect(password_hash).not.toContain(p);
    }
    const logs = gw.logLines.join('\n');
    expect(logs).toContain('signed in');
    for (const p of passwords) expect(logs).not.toContain(p);
    for (const { password_hash } of rows) expect(logs).not.toContain(password_hash.split('$')[4]);
  });
});
