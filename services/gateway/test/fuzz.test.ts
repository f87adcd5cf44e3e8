import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway, tokenFor } from './helpers.js';

let gw: RunningGateway;
let tokens: string[];
beforeAll(async () => {
  gw = await startGateway();
  tokens = await Promise.all(
    (['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'] as const).map((role) =>
      tokenFor(role, ['96001', '86']),
    ),
  );
});
afterAll(async () => {
  await gw?.close();
});

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '..', '%00', '%ZZ', '0', '-1', 'null', '00000000-0000-0000-0000-000000000000', 'a'.repeat(300)),
);
const jsonish = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.constantFrom('{', '[]', 'null', '""', '{"head":{"fullName":{}}}', '{"memberCount":1e309}', '\u0000'),
  fc.string({ maxLength: 200 }),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('"1"', '*', 'W/"x"', ''),
);

describe('no client mistake yields a 5xx', () => {
  it('survives thousands of malformed bodies, headers, ids and queries on every route', {
    timeout: 180_000,
  }, async () => {
    const routes = gw.runtime.app.routeTable.filter(
      (r) => r.url.startsWith('/v1') || r.url === '/health' || r.url === '/ready',
    );
    expect(routes.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('limit', 'cursor', 'fromVersion', 'asOf', 'version', 'unitCode', 'status', 'x'),
          fc.string({ maxLength: 30 }),
        ),
        jsonish,
        fc.record({
          auth: fc.oneof(fc.constantFrom(...tokens.map((t) => `Bearer ${t}`)), headerValue),
          ifMatch: fc.option(headerValue, { nil: undefined }),
          key: fc.option(headerValue, { nil: undefined }),
          waitFor: fc.option(headerValue, { nil: undefined }),
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/json; charset=latin1',
            'multipart/form-data',
          ),
        }),
        async (route, ids, query, body, h) => {
          let i = 0;
          const path = route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(ids[i++] ?? ''));
          const search = new URLSearchParams(query).toString();
          const headers: Record<string, string> = { authorization: h.auth, 'content-type': h.contentType };
          if (h.ifMatch !== undefined) headers['if-match'] = h.ifMatch;
          if (h.key !== undefined) headers['idempotency-key'] = h.key;
          if (h.waitFor !== undefined) {
            headers['x-wait-for-position'] = h.waitFor;
            headers['x-wait-timeout-ms'] = '0';
          }
          const response = await gw.runtime.app.inject({
            method: route.method as 'GET',
            url: `${path}${search ? `?${search}` : ''}`,
            headers,
            ...(route.method === 'GET' ? {} : { payload: body }),
          });
          expect(response.statusCode, `${route.method} ${path} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type']).toContain('application/problem+json');
            expect(JSON.parse(response.body)).toMatchObject({ status: response.statusCode, code: expect.any(String) });
          }
        },
      ),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});
