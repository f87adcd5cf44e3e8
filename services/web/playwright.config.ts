import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * The browser journeys run against the real start command (`pnpm start`: the web build, the gateway,
 * embedded PostgreSQL in a fresh data folder) and Debian's chromium — npm's browser download is not
 * reachable from the machines this runs on.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `no chromium at ${chromium}: install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`,
  );
}
const port = Number(process.env.E2E_PORT ?? 3917);
export const baseURL = `http://127.0.0.1:${port}`;
// One data folder per run, found again by the workers through the environment.
process.env.E2E_DATA_DIR ??= (() => {
  const base = join(tmpdir(), 'benvung-e2e');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'run-'));
})();
export const ADMIN_PASSWORD = 'Quan-tri-e2e-2026';

const repoRoot = new URL('../..', import.meta.url).pathname;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One server, one database: the journeys share them and run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromium, args: ['--no-sandbox'] },
  },
  projects: [
    {
      name: 'phone',
      testMatch: /(case-worker|offline)\.spec\.ts/,
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 }, browserName: 'chromium' },
    },
    { name: 'desktop', testIgnore: /(case-worker|offline)\.spec\.ts/, use: { viewport: { width: 1280, height: 860 } } },
  ],
  webServer: {
    command: `node --import tsx scripts/start.ts`,
    cwd: repoRoot,
    url: `${baseURL}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ADMIN_PASSWORD,
      DEMO_UNITS: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      // A checkpoint a second after new events, so a journey sees its household covered without waiting.
      LOG_CHECKPOINT_INTERVAL_SECONDS: '1',
      // The README's default: embedded PostgreSQL, never a database someone set for other work.
      DATABASE_URL: '',
    },
  },
});
