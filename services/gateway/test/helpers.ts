import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { pino } from 'pino';
import { signToken } from '../src/application/tokens.js';
import type { Role } from '../src/plugins/auth.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../src/runtime.js';

/** The JWT secret of every test gateway. */
export const TEST_JWT_SECRET = new TextEncoder().encode('test-secret-for-benvung-gateway-tests-only');

/** A bearer token for this test gateway. */
export function tokenFor(role: Role, units: string[] = [], sub = `${role}-1`): Promise<string> {
  return signToken(TEST_JWT_SECRET, { role, units, sub }, 600);
}

/** Headers of an authenticated JSON request. */
export async function authHeaders(role: Role, units: string[] = []): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, units)}`, 'content-type': 'application/json' };
}

export interface RunningGateway {
  baseUrl: string;
  runtime: Runtime;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real gateway (HTTP, event store, in-process projector) on a database of its own, on a free port.
 * Rate limits are off unless a test turns them on; `config` sets any other setting.
 */
export async function startGateway(
  overrides: {
    rateLimitPerMinute?: number;
    config?: Partial<RuntimeOptions['config']>;
    /** Other runtime options: the log signing key, checkpoint settings… */
    runtime?: Partial<Pick<RuntimeOptions, 'logSigningKey' | 'checkpoints'>>;
  } = {},
): Promise<RunningGateway> {
  const database = await createTestDatabase('gateway');
  const runtime = await createRuntime({
    databaseUrl: database.url,
    config: {
      BODY_LIMIT_BYTES: 1024 * 1024,
      RUN_PROJECTOR: true,
      DB_POOL_SIZE: 5,
      RATE_LIMIT_PER_MINUTE: overrides.rateLimitPerMinute ?? 0,
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 0,
      CORS_ORIGINS: [],
      DEMO_UNITS: true,
      ...overrides.config,
    },
    jwtSecret: TEST_JWT_SECRET,
    logger: pino({ level: 'silent' }),
    ...overrides.runtime,
  });
  const baseUrl = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    runtime,
    database,
    async close() {
      await runtime.stop();
      await database.drop();
    },
  };
}

/** Polls until `fn` returns a value or the time is up (projections are asynchronous). */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POSTs JSON and returns the body of its 201, or throws with the status and the problem. */
export async function postCreated(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Record<string, unknown>> {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

/** A JSON request to a test gateway: its status and body, whatever the status. */
export async function requestJson(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const r = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Record<string, unknown> };
}
