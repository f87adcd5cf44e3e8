import { defineConfig } from 'vitest/config';

/** One project per package. One PostgreSQL server serves the whole run; each test file makes its own database. */
// Timeouts are set per project: inline projects do not inherit them from the root.
const project = (name: string, root: string) => ({
  test: {
    name,
    root,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      project('domain', 'packages/domain'),
      project('analytics', 'packages/analytics'),
      project('embedded-pg', 'packages/embedded-pg'),
      project('testkit', 'packages/testkit'),
      project('log-proof', 'packages/log-proof'),
      project('event-store', 'packages/event-store'),
      project('geography', 'packages/geography'),
      project('imports', 'packages/imports'),
      project('projections', 'packages/projections'),
      project('rules', 'packages/rules'),
      project('gateway', 'services/gateway'),
      project('projector', 'services/projector'),
      project('scripts', 'scripts'),
      // The web app's pure helpers: no database, no DOM.
      { test: { name: 'web', root: 'services/web', environment: 'node', include: ['test/**/*.test.ts'] } },
    ],
    globalSetup: [new URL('./packages/testkit/src/global-setup.ts', import.meta.url).pathname],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
