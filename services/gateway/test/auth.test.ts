import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, type RunningGateway, startGateway, TEST_JWT_SECRET, tokenFor } from './helpers.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

const body = { head: { fullName: 'Hoàng Văn Hải' }, memberCount: 2, area: 'rural', unitCode: '96001' };

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status, code });
}

describe('authentication', () => {
  it.each([
    ['no header', undefined],
    ['not a bearer', 'Basic dXNlcjpwYXNz'],
    ['garbage token', 'Bearer abc.def.ghi'],
  ])('%s → 401', async (_name, authorization) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const response = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers });
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    await problem(response, 401, 'UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret, an expired one and one without a role', async () => {
    const other = await new SignJWT({ role: 'case_worker', units: ['96001'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another'));
    const expired = await new SignJWT({ role: 'case_worker', units: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(TEST_JWT_SECRET);
    const noRole = await new SignJWT({ units: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(TEST_JWT_SECRET);
    for (const token of [other, expired, noRole]) {
      const response = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await problem(response, 401, 'UNAUTHENTICATED');
    }
  });

  it('keeps health, readiness and the API description public', async () => {
    for (const path of ['/health', '/ready', '/openapi.json'])
      expect((await fetch(`${gw.baseUrl}${path}`)).status).toBe(200);
  });
});

describe('authorization by role and unit', () => {
  it('lets a case worker register only in their units, and hides other units’ households (404)', async () => {
    const inside = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: await authHeaders('case_worker', ['96001']),
      body: JSON.stringify(body),
    });
    expect(inside.status).toBe(201);
    const { householdId } = (await inside.json()) as { householdId: string };
    const outside = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: await authHeaders('case_worker', ['86001']),
      body: JSON.stringify(body),
    });
    await problem(outside, 403, 'UNIT_OUT_OF_SCOPE');

    await eventually(async () => {
      const r = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, {
        headers: await authHeaders('case_worker', ['96001']),
      });
      return r.status === 200 ? r : undefined;
    });
    const otherWorker = await fetch(`${gw.baseUrl}/v1/households/${householdId}`, {
      headers: await authHeaders('case_worker', ['86001']),
    });
    await problem(otherWorker, 404, 'HOUSEHOLD_NOT_FOUND');
  });

  it.each(['auditor', 'analyst', 'admin'] as const)('refuses registration to the %s role (403)', async (role) => {
    const response = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(role, ['96001'])}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await problem(response, 403, 'FORBIDDEN');
  });

  it('lets no analyst read a household', async () => {
    const response = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, {
      headers: await authHeaders('analyst', ['96001']),
    });
    await problem(response, 403, 'FORBIDDEN');
  });
});
