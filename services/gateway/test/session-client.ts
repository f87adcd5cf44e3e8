import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { pino } from 'pino';
import { loggerOptions } from '../src/logger.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { TEST_JWT_SECRET } from './helpers.js';

/** What a browser would keep and send: cookies by name, set and cleared by the gateway's answers. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The CSRF token the web app reads from the `benvung_csrf` cookie. */
  get csrf(): string | undefined {
    return this.cookies.get('benvung_csrf');
  }

  async request(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<{ status: number; headers: Headers; setCookies: string[]; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.csrf && this.csrf) headers['x-csrf-token'] = this.csrf;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const r = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined
        ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
        : {}),
    });
    const setCookies = r.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await r.text();
    return {
      status: r.status,
      headers: r.headers,
      setCookies,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  signIn(username: string, password: string) {
    return this.request('POST', '/v1/auth/sign-in', { body: { username, password } });
  }
}

export interface AccountsGateway {
  baseUrl: string;
  runtime: Runtime;
  database: TestDatabase;
  /** Every log line the gateway wrote (info and up, through the production redaction). */
  logLines: string[];
  /** Stops the gateway and keeps its database (for a restart on it). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** A real gateway that logs like production, on `database` (a new one by default). */
export async function startAccountsGateway(
  options: { adminPassword?: string; database?: TestDatabase } = {},
): Promise<AccountsGateway> {
  const database = options.database ?? (await createTestDatabase('accounts'));
  const logLines: string[] = [];
  const logger = pino(loggerOptions('info', false), { write: (line: string) => logLines.push(line) });
  const runtime = await createRuntime({
    databaseUrl: database.url,
    config: {
      BODY_LIMIT_BYTES: 1024 * 1024,
      RUN_PROJECTOR: true,
      DB_POOL_SIZE: 5,
      RATE_LIMIT_PER_MINUTE: 0,
      CORS_ORIGINS: [],
      DEMO_UNITS: true,
      ...(options.adminPassword ? { ADMIN_PASSWORD: options.adminPassword } : {}),
    },
    jwtSecret: TEST_JWT_SECRET,
    logger,
  });
  const baseUrl = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    runtime,
    database,
    logLines,
    stop: () => runtime.stop(),
    async close() {
      await runtime.stop();
      await database.drop();
    },
  };
}
