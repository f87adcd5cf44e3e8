import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway, tokenFor } from './helpers.js';
import { rawRequest } from './raw-http.js';

/** Slow, malformed and abusive clients: every answer is bounded in time, and problem+json. */

const PROBLEM = 'application/problem+json';

describe('slow clients', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway({ config: { HEADERS_TIMEOUT_MS: 1000, REQUEST_TIMEOUT_MS: 2000 } });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('cuts off a body sent one byte at a time with 408 problem+json, within the request timeout', async () => {
    const token = await tokenFor('case_worker', ['96']);
    const answer = await rawRequest(
      gw.baseUrl,
      'POST /v1/households HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Length: 200\r\n\r\n{`,
      { trickle: Array.from({ length: 100 }, () => ' '), everyMs: 200, giveUpMs: 15_000 },
    );
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    // 2 s of request time, checked every second: never the 20 s the trickle would take.
    expect(answer.closedAfterMs).toBeLessThan(4500);
  });

  it('cuts off headers sent one line at a time with 408 problem+json', async () => {
    const answer = await rawRequest(gw.baseUrl, 'GET /health HTTP/1.1\r\nHost: localhost\r\n', {
      trickle: Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: a\r\n`),
      everyMs: 200,
      giveUpMs: 15_000,
    });
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(answer.closedAfterMs).toBeLessThan(4500);
  });

  it('still answers a client that sends its request at once', async () => {
    const answer = await rawRequest(gw.baseUrl, 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});

describe('requests Node’s HTTP parser refuses', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it.each([
    ['a malformed request line', 'NOT-HTTP AT ALL\r\n\r\n', 400, 'BAD_REQUEST'],
    [
      'a NUL byte in a header',
      'GET /health HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0000b\r\n\r\n',
      400,
      'BAD_REQUEST',
    ],
    [
      'headers larger than allowed',
      `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
  ])('answers %s with problem+json', async (_name, head, status, code) => {
    const answer = await rawRequest(gw.baseUrl, Buffer.from(head, 'latin1'));
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(answer.body)).toMatchObject({ status, code });
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED per token, with Retry-After the seconds left in the window', async () => {
    const gw = await startGateway({ rateLimitPerMinute: 3 });
    try {
      const headers = await authHeaders('case_worker', ['96001']);
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
      const limited = last as Response;
      expect(limited.headers.get('content-type')).toContain(PROBLEM);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    } finally {
      await gw.close();
    }
  });

  it('limits requests without valid credentials per address: bad tokens, /ready and sign-in', async () => {
    const gw = await startGateway({ config: { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 3 } });
    try {
      const badToken = { authorization: 'Bearer abc.def.ghi' };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers: badToken })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);

      const ready = await fetch(`${gw.baseUrl}/ready`);
      expect(ready.status).toBe(429);
      expect(ready.headers.get('content-type')).toContain(PROBLEM);
      const retryAfter = Number(ready.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(await ready.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });

      const signIn = await fetch(`${gw.baseUrl}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'not the password' }),
      });
      expect(signIn.status).toBe(429);

      // Valid credentials are limited per token, not by the address they share with others.
      const valid = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, {
        headers: await authHeaders('case_worker', ['96001']),
      });
      expect(valid.status).toBe(404);
    } finally {
      await gw.close();
    }
  });
});
