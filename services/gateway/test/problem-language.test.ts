import { domainError } from '@benvung/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblem, problemPlugin } from '../src/plugins/problem.js';
import { problemLocale } from '../src/plugins/problem-language.js';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['fr-FR, vi;q=0.5, en;q=0.4', 'vi'],
    ['en;q=0.5, vi-VN;q=0.9', 'vi'],
    ['vi;q=0, *', 'en'],
    ['*', 'en'],
    ['de', 'en'],
    ['vi;q=abc', 'en'],
    ['en, vi', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(problemLocale(header)).toBe(locale);
  });
});

describe('the problem plugin', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await app.register(problemPlugin);
    app.get('/closed-loan', async () => {
      throw domainError('LOAN_CLOSED', 'loan KU-001 is repaid', { loanId: 'KU-001', loanStatus: 'repaid' });
    });
    // Extension members may not replace the members every problem has.
    app.get('/clash', async () => {
      throw new HttpProblem(409, 'NOTHING_CHANGED', 'Nothing changed', 'already so', { status: 'x', type: 'y' });
    });
    app.get('/limited', async (_request, reply) => {
      reply.header('retry-after', '42');
      throw Object.assign(new Error('Rate limit exceeded, retry in 42 seconds'), { statusCode: 429 });
    });
    app.get('/new-code', async () => {
      throw new HttpProblem(418, 'SOMETHING_NEW', 'New', 'a problem nobody translated yet');
    });
  });
  afterAll(() => app.close());

  const get = (url: string, language?: string) =>
    app.inject({ url, headers: language ? { 'accept-language': language } : {} });

  it('answers in Vietnamese from the details, keeping the English detail for support', async () => {
    const r = await get('/closed-loan', 'vi-VN,vi;q=0.9');
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-language']).toBe('vi');
    expect(r.headers.vary).toContain('Accept-Language');
    expect(r.json()).toMatchObject({
      code: 'LOAN_CLOSED',
      title: 'Khoản vay đã kết thúc',
      detail: 'Khoản vay KU-001 đã trả hết nợ, không thể ghi nhận thêm.',
      technicalDetail: 'loan KU-001 is repaid',
      loanStatus: 'repaid',
    });
  });

  it('answers in English without the header, as before', async () => {
    const r = await get('/closed-loan');
    expect(r.headers['content-language']).toBe('en');
    expect(r.json()).toMatchObject({ title: 'The command was refused', detail: 'loan KU-001 is repaid' });
    expect(r.json()).not.toHaveProperty('technicalDetail');
  });

  it('never lets an extension member replace status or type', async () => {
    const r = await get('/clash');
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ status: 409, type: 'https://benvung.example/problems/nothing-changed' });
  });

  it('answers a rate limit as RATE_LIMITED with the limiter’s Retry-After', async () => {
    const r = await get('/limited', 'vi');
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('42');
    expect(r.json()).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 42,
      detail: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau 42 giây.',
    });
  });

  it('says something Vietnamese about a code without texts, and keeps its English detail', async () => {
    const r = await get('/new-code', 'vi');
    expect(r.json()).toMatchObject({
      code: 'SOMETHING_NEW',
      title: 'Không xử lý được yêu cầu',
      detail: 'Máy chủ không xử lý được yêu cầu này.',
      technicalDetail: 'a problem nobody translated yet',
    });
  });
});

describe('a real gateway in Vietnamese', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('422: a unit no longer valid, with the unit that holds its territory now', async () => {
    const headers = { ...(await authHeaders('case_worker', ['96'])), 'accept-language': 'vi' };
    const body = {
      head: { fullName: 'Trương Văn Phước' },
      memberCount: 4,
      unitCode: '31813',
      occurredAt: '2025-08-01',
    };
    const r = await fetch(`${gw.baseUrl}/v1/households`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.headers.get('content-language')).toBe('vi');
    expect(await r.json()).toMatchObject({
      code: 'UNIT_NOT_VALID_ON_DATE',
      title: 'Đơn vị hành chính không còn hiệu lực',
      detail: 'Mã đơn vị 31813 không có hiệu lực vào ngày 01/08/2025. Địa bàn này nay thuộc: 31825 Phường Bạc Liêu.',
      technicalDetail: expect.stringContaining('unit 31813 is not valid on 2025-08-01'),
      successors: [{ code: '31825', name: 'Phường Bạc Liêu' }],
    });
  });

  it('404: a household not found, and a route that does not exist', async () => {
    const headers = { ...(await authHeaders('case_worker', ['96'])), 'accept-language': 'vi-VN, en;q=0.5' };
    const household = await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers });
    expect(household.status).toBe(404);
    expect(household.headers.get('content-language')).toBe('vi');
    expect(await household.json()).toMatchObject({
      code: 'HOUSEHOLD_NOT_FOUND',
      title: 'Không tìm thấy hộ',
      detail: 'Không tìm thấy hộ gia đình này, hoặc hộ không thuộc địa bàn bạn được phân công theo dõi.',
    });
    const route = await fetch(`${gw.baseUrl}/v1/nowhere`, { headers: { 'accept-language': 'vi' } });
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: 'Không có địa chỉ API này' });
  });

  it('400 and 401 in Vietnamese; the same requests without the header stay English', async () => {
    const headers = { ...(await authHeaders('case_worker', ['96'])), 'accept-language': 'vi' };
    const invalid = await fetch(`${gw.baseUrl}/v1/households`, { method: 'POST', headers, body: '{}' });
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as { detail: string; errors: unknown[] };
    expect(problem.detail).toBe(
      `Dữ liệu gửi lên không hợp lệ (${problem.errors.length} lỗi, chi tiết trong danh sách errors). Vui lòng kiểm tra lại.`,
    );
    const anonymous = await fetch(`${gw.baseUrl}/v1/households`, { headers: { 'accept-language': 'vi' } });
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Cần đăng nhập' });
    const english = await fetch(`${gw.baseUrl}/v1/households`);
    expect(english.headers.get('content-language')).toBe('en');
    expect(await english.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Authentication required' });
  });
});
