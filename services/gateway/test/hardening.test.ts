import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

describe('hardening', () => {
  it('sends security headers and a request id on every response', async () => {
    const response = await fetch(`${gw.baseUrl}/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const odd = await fetch(`${gw.baseUrl}/health`, { headers: { 'x-request-id': 'spaces and\ttabs' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics with request latencies and projection progress', async () => {
    await fetch(`${gw.baseUrl}/v1/households/${crypto.randomUUID()}`, {
      headers: await authHeaders('case_worker', ['96001']),
    });
    const text = await (await fetch(`${gw.baseUrl}/metrics`)).text();
    expect(text).toContain('benvung_http_request_duration_seconds_bucket');
    expect(text).toMatch(/benvung_projection_events_processed\{projection="household_status"\} \d+/);
    expect(text).toContain('benvung_process_cpu_seconds_total');
  });

  it('limits requests per token, with 429 problem+json', async () => {
    const limited = await startGateway({ rateLimitPerMinute: 3 });
    try {
      const headers = await authHeaders('case_worker', ['96001']);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(`${limited.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers })).status);
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      const other = await authHeaders('supervisor', ['96001']);
      expect((await fetch(`${limited.baseUrl}/v1/households/${crypto.randomUUID()}`, { headers: other })).status).toBe(
        404,
      );
    } finally {
      await limited.close();
    }
  });

  it('redacts names and national ID numbers from log lines', async () => {
    const lines: string[] = [];
    const { loggerOptions } = await import('../src/logger.js');
    const logger = pino(loggerOptions('info', false), { write: (line: string) => lines.push(line) });
    logger.info({ body: { head: { fullName: 'Nguyễn Văn An', nationalId: '012345678901' } } }, 'command');
    logger.info({ household: { head_name: 'Trần Thị Bình' }, personal: { head: { fullName: 'X' } } }, 'row');
    const all = lines.join('\n');
    expect(all).not.toContain('Nguyễn Văn An');
    expect(all).not.toContain('012345678901');
    expect(all).not.toContain('Trần Thị Bình');
    expect(all).toContain('[redacted]');
  });
});
