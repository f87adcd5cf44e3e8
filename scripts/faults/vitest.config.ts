import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:faults`: the fault suite, apart from `vitest run` (the root config's projects do not
 * include it) because it starts real processes and PostgreSQL clusters and takes minutes. One
 * scenario at a time: each owns a cluster and a gateway, and they share two cores with everything else.
 */
export default defineConfig({
  test: {
    name: 'faults',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    globalSetup: [fileURLToPath(new URL('./support/global-setup.ts', import.meta.url))],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
