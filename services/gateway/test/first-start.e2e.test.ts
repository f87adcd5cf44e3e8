import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../src/application/first-admin.js';
import { type AccountsGateway, Browser, startAccountsGateway } from './session-client.js';

/** The first start creates `admin`, with ADMIN_PASSWORD or a one-time password logged once. */

const opened: AccountsGateway[] = [];
afterAll(async () => {
  for (const gw of opened) await gw.close().catch(() => undefined);
});
const start = async (...args: Parameters<typeof startAccountsGateway>) => {
  const gw = await startAccountsGateway(...args);
  opened.push(gw);
  return gw;
};
const ONCE = /one-time password (\S+) — it is shown only this once/;

describe('the first administrator', () => {
  it('is created with ADMIN_PASSWORD, which is not logged, and can work at once', async () => {
    const gw = await start({ adminPassword: 'a long admin passphrase' });
    const admin = new Browser(gw.baseUrl);
    const signedIn = await admin.signIn('ADMIN', 'a long admin passphrase');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({
      username: 'admin',
      role: 'admin',
      units: [],
      mustChangePassword: false,
    });
    expect((await admin.request('GET', '/v1/admin/users')).status).toBe(200);
    const logs = gw.logLines.join('\n');
    expect(logs).toContain('with the password from ADMIN_PASSWORD');
    expect(logs).not.toContain('a long admin passphrase');
    expect(logs).not.toMatch(ONCE);
  });

  it('is created with a one-time password logged once, which must be changed first', async () => {
    const gw = await start();
    const warnings = gw.logLines.filter((l) => ONCE.test(l));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({ level: 40 });
    const password = ONCE.exec(warnings[0] ?? '')?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);

    const admin = new Browser(gw.baseUrl);
    const signedIn = await admin.signIn('admin', password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ mustChangePassword: true });
    const blocked = await admin.request('GET', '/v1/admin/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await admin.request('GET', '/v1/auth/me')).body).toMatchObject({ user: { mustChangePassword: true } });
    const changed = await admin.request('POST', '/v1/auth/password', {
      body: { currentPassword: password, newPassword: 'my own admin password' },
      csrf: true,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await admin.request('GET', '/v1/admin/users')).status).toBe(200);

    // A restart on the same database finds an account and creates (and logs) nothing.
    await gw.stop();
    opened.splice(opened.indexOf(gw), 1);
    const again = await start({ database: gw.database });
    expect(again.logLines.some((l) => ONCE.test(l))).toBe(false);
    const users = await again.runtime.app.deps.db.selectFrom('user_account').select('username').execute();
    expect(users).toEqual([{ username: 'admin' }]);
    expect((await new Browser(again.baseUrl).signIn('admin', 'my own admin password')).status).toBe(200);
  });

  it('is created once when several gateways start on an empty database at the same time', async () => {
    const gw = await start({ adminPassword: 'a long admin passphrase' });
    const db = gw.runtime.app.deps.db;
    await db.deleteFrom('user_account').execute();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    await Promise.all(Array.from({ length: 4 }, () => ensureFirstAdmin(db, { logger })));
    const admins = await db.selectFrom('user_account').select(['username', 'must_change_password']).execute();
    expect(admins).toEqual([{ username: 'admin', must_change_password: true }]);
    // Only the start whose insert won tells a password, and it is the one that works.
    const told = lines.filter((l) => ONCE.test(l));
    expect(told).toHaveLength(1);
    const signedIn = await new Browser(gw.baseUrl).signIn('admin', ONCE.exec(told[0] ?? '')?.[1] ?? '');
    expect(signedIn.status).toBe(200);
  });
});
