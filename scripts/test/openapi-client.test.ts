import { readFile } from 'node:fs/promises';
import type { ScratchDatabase } from '@benvung/embedded-pg';
import { createRuntime } from '@benvung/gateway';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientTypes } from '../lib/openapi-types.js';
import { scratchDatabase } from './scratch-database.js';

/**
 * The web app's API types are generated from the gateway's OpenAPI document: when a route changes and
 * `pnpm openapi` was not run, the committed types are stale and this fails.
 */
let database: ScratchDatabase;
let runtime: Awaited<ReturnType<typeof createRuntime>>;
beforeAll(async () => {
  database = await scratchDatabase('openapi');
  runtime = await createRuntime({
    databaseUrl: database.url,
    config: {
      BODY_LIMIT_BYTES: 1024 * 1024,
      RUN_PROJECTOR: false,
      DB_POOL_SIZE: 2,
      RATE_LIMIT_PER_MINUTE: 1200,
      CORS_ORIGINS: [],
      DEMO_UNITS: false,
    },
    jwtSecret: new TextEncoder().encode('openapi-generation-only-secret-not-used-anywhere'),
    logger: pino({ level: 'silent' }),
  });
  await runtime.app.ready();
});
afterAll(async () => {
  await runtime?.stop();
  await database?.drop();
});

it('the web app’s client types match the API the gateway serves (run `pnpm openapi` when this fails)', async () => {
  const committed = await readFile(new URL('../../services/web/src/lib/api/schema.d.ts', import.meta.url), 'utf8');
  expect(committed === (await clientTypes(runtime.app.swagger())), 'stale: run `pnpm openapi`').toBe(true);
});
