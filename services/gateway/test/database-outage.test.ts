import { type StoppablePostgres, startStoppablePostgres } from '@benvung/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { authHeaders, eventually, TEST_JWT_SECRET } from './helpers.js';

interface Ready {
  status: string;
  checks: {
    database: string;
    projections: Array<{
      name: string;
      lagEvents: number | null;
      caughtUp: boolean;
      state?: string;
      attempts?: number;
      lastError?: string;
    }>;
  };
}

// A server of this test's own: the shared test server must never be stopped.
let server: StoppablePostgres;
let runtime: Runtime;
let baseUrl: string;
let worker: Record<string, string>;
beforeAll(async () => {
  server = await startStoppablePostgres('benvung-outage-');
  runtime = await createRuntime({
    databaseUrl: server.url,
    config: loadConfig({ RATE_LIMIT_PER_MINUTE: '0', DB_POOL_SIZE: '5', DEMO_UNITS: 'true' }),
    jwtSecret: TEST_JWT_SECRET,
    logger: pino({ level: 'silent' }),
  });
  baseUrl = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  worker = await authHeaders('case_worker', ['96001']);
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
  await server?.dispose();
});

const register = () =>
  fetch(`${baseUrl}/v1/households`, {
    method: 'POST',
    headers: worker,
    body: JSON.stringify({ head: { fullName: 'Phan Thị Lụa' }, memberCount: 3, area: 'rural', unitCode: '96001' }),
  });
const ready = async () => {
  const r = await fetch(`${baseUrl}/ready`);
  return { status: r.status, body: (await r.json()) as Ready };
};

async function expectUnavailable(response: Response): Promise<Record<string, unknown>> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.headers.get('retry-after')).toBe('2');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 2 });
  return body;
}

describe('while the database is away', () => {
  it('answers 503 DATABASE_UNAVAILABLE, stays alive and says it is not ready, then resumes by itself', async () => {
    const before = await register();
    expect(before.status).toBe(201);
    const { householdId } = (await before.json()) as { householdId: string };
    await eventually(async () => ((await ready()).body.checks.projections.every((p) => p.caughtUp) ? true : undefined));

    await server.halt('immediate');
    await expectUnavailable(await register());
    await expectUnavailable(await fetch(`${baseUrl}/v1/households/${householdId}`, { headers: worker }));
    await expectUnavailable(await fetch(`${baseUrl}/v1/households?limit=5`, { headers: worker }));
    const vi = await expectUnavailable(
      await fetch(`${baseUrl}/v1/households/${householdId}`, { headers: { ...worker, 'accept-language': 'vi' } }),
    );
    expect(vi.title).toBe('Không kết nối được cơ sở dữ liệu');
    expect(vi.detail).toContain('2 giây');

    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'not_ready', checks: { database: 'failing' } });
    // The projections say they are retrying, from the checkpoint they will resume at.
    const retrying = await eventually(async () => {
      const r = await ready();
      return r.body.checks.projections.every((p) => p.state === 'retrying' && (p.attempts ?? 0) > 0) ? r : undefined;
    });
    for (const p of retrying.body.checks.projections) {
      expect(p).toMatchObject({ lagEvents: null, caughtUp: false });
      expect(p.lastError).toBeTruthy();
    }
    const metrics = await fetch(`${baseUrl}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('benvung_database_up 0');
    expect(text).toContain('benvung_projection_state{projection="household_status",state="retrying"} 1');

    await server.resume();
    const after = await eventually(async () => {
      const r = await register();
      return r.status === 201 ? r : undefined;
    }, 20_000);
    const { householdId: later } = (await after.json()) as { householdId: string };
    const back = await eventually(async () => {
      const r = await ready();
      return r.status === 200 && r.body.checks.projections.every((p) => p.caughtUp && p.state === 'running')
        ? r
        : undefined;
    }, 20_000);
    expect(back.body.checks.database).toBe('ok');
    for (const id of [householdId, later]) {
      const read = await eventually(async () => {
        const r = await fetch(`${baseUrl}/v1/households/${id}`, { headers: worker });
        return r.status === 200 ? r : undefined;
      });
      expect(read.headers.get('x-read-source')).toBe('read-model');
    }
  }, 90_000);
});
