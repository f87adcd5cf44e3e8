import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let token: string;
beforeAll(async () => {
  gw = await startGateway();
  token = (await authHeaders('case_worker', ['86001'])).authorization ?? '';
});
afterAll(async () => {
  await gw?.close();
});

const valid = {
  head: { fullName: 'Lê Văn Cường' },
  memberCount: 3,
  area: 'urban',
  unitCode: '86001',
};

const post = (body: string, contentType = 'application/json') =>
  fetch(`${gw.baseUrl}/v1/households`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: token },
    body,
  });

const cases: Array<[string, string, number]> = [
  ['missing head', JSON.stringify({ ...valid, head: undefined }), 400],
  ['missing every field', '{}', 400],
  ['memberCount as a string', JSON.stringify({ ...valid, memberCount: '3' }), 400],
  ['memberCount zero', JSON.stringify({ ...valid, memberCount: 0 }), 400],
  ['area not rural/urban', JSON.stringify({ ...valid, area: 'suburban' }), 400],
  ['unit code of 4 digits', JSON.stringify({ ...valid, unitCode: '9600' }), 400],
  ['unit code with letters', JSON.stringify({ ...valid, unitCode: 'CM001' }), 400],
  ['national ID of 10 digits', JSON.stringify({ ...valid, head: { fullName: 'A', nationalId: '0123456789' } }), 400],
  ['unknown field', JSON.stringify({ ...valid, salary: 1 }), 400],
  ['date not a date', JSON.stringify({ ...valid, occurredAt: '2026-13-40' }), 400],
  ['household id not a uuid', JSON.stringify({ ...valid, householdId: '42' }), 400],
  ['body is an array', '[]', 400],
  ['body is not JSON', '{"head": ', 400],
  ['empty body', '', 400],
];

describe('POST /v1/households with bad input', () => {
  it.each(cases)('%s → %i problem+json', async (_name, body, status) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      code: expect.any(String),
    });
  });

  it('refuses a 2 MB body with 413 problem+json', async () => {
    const big = JSON.stringify({ ...valid, village: 'x'.repeat(2 * 1024 * 1024) });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses another content type with 415 problem+json', async () => {
    const response = await post('head=x', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
