import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;

/** The JWT secret of every gateway the suite starts: it signs the writers' tokens. */
export const FAULT_JWT_SECRET = 'fault-suite-secret-for-tokens-only-0123456789';

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** stdout and stderr so far (the last 2 MB), for assertions on logs and for failure reports. */
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Resolves with the exit code (or signal) once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

function launch(args: string[], env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    pid: child.pid ?? 0,
    output: () => out,
    alive,
    exited,
    async stop(graceMs = 10_000) {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The environment of a service the suite starts: quiet logs, no rate limit, the suite's secret. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'info',
    AUTH_JWT_SECRET: FAULT_JWT_SECRET,
    ADMIN_PASSWORD: 'fault-suite-admin-password',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    DB_POOL_SIZE: '10',
    ...extra,
  };
  delete env.TEST_DATABASE_URL;
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/**
 * `pnpm start` as an operator runs it (node --import tsx scripts/start.ts): with `databaseUrl`
 * against that server, without it on embedded PostgreSQL in `dataDir`.
 */
export function startCommand(options: {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  /** More settings (RUN_PROJECTOR, DATABASE_READ_URL, …). */
  env?: Record<string, string>;
}): ServiceProcess {
  return launch(
    [join(root, 'scripts/start.ts')],
    serviceEnv({
      ...options.env,
      PORT: String(options.port),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    }),
  );
}

/** The projection worker as its own process (services/projector), beside the gateway's own projector. */
export function projectorService(databaseUrl: string): ServiceProcess {
  return launch(
    [join(root, 'services/projector/src/main.ts')],
    serviceEnv({ DATABASE_URL: databaseUrl, PROJECTOR_BATCH_SIZE: '100' }),
  );
}

/** Resolves once GET /health answers 200; throws with the process's output when it does not in time. */
export async function waitForHealth(baseUrl: string, service: ServiceProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!service.alive()) throw new Error(`the service exited while starting:\n${service.output().slice(-4000)}`);
    try {
      const r = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms:\n${service.output().slice(-4000)}`);
}

/** Resolves once the service has written `text` (a log line), or throws with its output. */
export async function waitForOutput(service: ServiceProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!service.output().includes(text)) {
    if (!service.alive()) throw new Error(`the service exited:\n${service.output().slice(-4000)}`);
    if (Date.now() - started > timeoutMs) {
      throw new Error(`no "${text}" within ${timeoutMs} ms:\n${service.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
