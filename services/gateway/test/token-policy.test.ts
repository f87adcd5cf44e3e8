import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_AUDIENCE } from '../src/application/session-token.js';
import { signToken } from '../src/application/tokens.js';
import { type RunningGateway, startGateway, TEST_JWT_SECRET, tokenFor } from './helpers.js';

/** What a bearer token must say besides its signature, and what no token, header or body may hold. */

const now = () => Math.floor(Date.now() / 1000);
const PROBLEM = 'application/problem+json';

/** A signed token with exactly these claims (the test's secret, HS256). */
function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(TEST_JWT_SECRET);
}

async function statusWith(gw: RunningGateway, bearer: string, init: RequestInit = {}) {
  const r = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, ...(init.headers as Record<string, string>) },
  });
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.json()) as { code: string } };
}

describe('token lifetime (default maximum 12 h)', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  const base = { sub: 'cw-1', role: 'case_worker', units: ['96'] };

  it('accepts the tokens the helpers and `pnpm token` sign', async () => {
    expect((await statusWith(gw, await tokenFor('case_worker', ['96']))).status).toBe(404);
    const twelveHours = await signToken(TEST_JWT_SECRET, { sub: 'cw-1', role: 'case_worker', units: ['96'] });
    expect((await statusWith(gw, twelveHours)).status).toBe(404);
  });

  it.each([
    ['without exp', () => ({ ...base, iat: now() })],
    ['without iat', () => ({ ...base, exp: now() + 600 })],
    ['living longer than 12 h', () => ({ ...base, iat: now(), exp: now() + 12 * 3600 + 60 })],
    ['living a year', () => ({ ...base, iat: now() - 60, exp: now() + 365 * 24 * 3600 })],
    ['issued in the future to stretch its life', () => ({ ...base, iat: now() + 3600, exp: now() + 12 * 3600 })],
  ])('refuses a token %s with 401', async (_name, claims) => {
    const answer = await statusWith(gw, await token(claims()));
    expect(answer.status).toBe(401);
    expect(answer.type).toContain(PROBLEM);
    expect(answer.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('issuer and audience, when configured', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway({
      config: {
        AUTH_ISSUER: 'https://id.benvung.example',
        AUTH_AUDIENCE: 'benvung-api',
        AUTH_TOKEN_MAX_LIFETIME_SECONDS: 3600,
      },
    });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const base = () => ({ sub: 'cw-1', role: 'case_worker', units: ['96'], iat: now(), exp: now() + 600 });

  it('accepts a token with the right iss and aud, and one signed by signToken with the policy', async () => {
    const right = await token({ ...base(), iss: 'https://id.benvung.example', aud: 'benvung-api' });
    expect((await statusWith(gw, right)).status).toBe(404);
    const signed = await signToken(TEST_JWT_SECRET, { sub: 'cw-1', role: 'case_worker', units: ['96'] }, 3600, {
      issuer: 'https://id.benvung.example',
      audience: 'benvung-api',
    });
    expect((await statusWith(gw, signed)).status).toBe(404);
  });

  it.each([
    ['no iss', { aud: 'benvung-api' }],
    ['another iss', { iss: 'https://evil.example', aud: 'benvung-api' }],
    ['no aud', { iss: 'https://id.benvung.example' }],
    ['another aud', { iss: 'https://id.benvung.example', aud: 'other-api' }],
    ['the session cookie’s aud', { iss: 'https://id.benvung.example', aud: SESSION_AUDIENCE }],
  ])('refuses a token with %s', async (_name, extra) => {
    expect((await statusWith(gw, await token({ ...base(), ...extra }))).status).toBe(401);
  });

  it('applies the configured maximum lifetime (1 h here)', async () => {
    const twoHours = await token({
      ...base(),
      exp: now() + 7200,
      iss: 'https://id.benvung.example',
      aud: 'benvung-api',
    });
    expect((await statusWith(gw, twoHours)).status).toBe(401);
  });

  it('refuses to sign a token living longer than the policy allows', async () => {
    await expect(
      signToken(TEST_JWT_SECRET, { sub: 'x', role: 'analyst', units: [] }, 7200, { maxLifetimeSeconds: 3600 }),
    ).rejects.toThrow(/3600/);
  });
});

describe('NUL and lone surrogates', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it.each([
    ['a NUL', 'cw\u0000-1'],
    ['a lone surrogate', 'cw-\ud800'],
    ['a line break', 'cw-1\nadmin'],
  ])('refuses a signed token whose sub holds %s with 401, on reads and writes', async (_name, sub) => {
    const bad = await token({ sub, role: 'case_worker', units: ['96'], iat: now(), exp: now() + 600 });
    const read = await statusWith(gw, bad);
    expect(read.status).toBe(401);
    expect(read.type).toContain(PROBLEM);
    const write = await fetch(`${gw.baseUrl}/v1/households`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bad}`, 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body: JSON.stringify({ head: { fullName: 'Lê Văn A' }, memberCount: 1, unitCode: '31843' }),
    });
    expect(write.status).toBe(401);
  });

  it('refuses a session cookie holding a NUL with 401', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/auth/me`, { headers: { cookie: 'benvung_session=abc%00def' } });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain(PROBLEM);
  });

  it.each([
    ['a sign-in name', '/v1/auth/sign-in', { username: 'admin\u0000', password: 'whatever-password' }],
    ['a sign-in name', '/v1/auth/sign-in', { username: 'admin\ud800', password: 'whatever-password' }],
  ])('refuses %s holding NUL or a lone surrogate with 400', async (_name, path, body) => {
    const r = await fetch(`${gw.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'INVALID_TEXT' });
  });

  it('refuses a NUL in a query with 400, never 500', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/households?q=a%00b`, {
      headers: { authorization: `Bearer ${await tokenFor('case_worker', ['96'])}` },
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'INVALID_TEXT' });
  });

  it('refuses a NUL in a note body with 400 or 422, never 500', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('case_worker', ['96'])}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'a\u0000b' }),
    });
    expect([400, 422]).toContain(r.status);
  });
});

describe('session tokens', () => {
  it('carry the configured issuer and a lifetime within the maximum', async () => {
    const { SessionTokens } = await import('../src/application/session-token.js');
    const tokens = new SessionTokens(TEST_JWT_SECRET, {
      maxLifetimeSeconds: 3600,
      issuer: 'https://id.benvung.example',
    });
    const sid = crypto.randomUUID();
    const signed = await tokens.sign(
      { sub: 'u-1', role: 'case_worker', units: ['96'], sid },
      new Date(Date.now() + 3600_000),
    );
    const [, payload] = signed.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
      string,
      number | string
    >;
    expect(claims.iss).toBe('https://id.benvung.example');
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(3600);
    expect(await tokens.verify(signed)).toMatchObject({ sid });
    // A session token from an installation with another issuer is not this one's.
    const other = new SessionTokens(TEST_JWT_SECRET, { maxLifetimeSeconds: 3600, issuer: 'https://other.example' });
    await expect(other.verify(signed)).rejects.toMatchObject({ status: 401 });
    const forged = await token({
      sub: 'u-1',
      sid,
      aud: SESSION_AUDIENCE,
      iss: 'https://id.benvung.example',
      iat: now(),
      exp: now() + 7200,
    });
    await expect(tokens.verify(forged)).rejects.toMatchObject({ status: 401 });
  });
});
