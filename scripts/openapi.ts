/**
 * `pnpm openapi`: writes the web app's typed client types (services/web/src/lib/api/schema.d.ts) from
 * the API's OpenAPI document. The document comes from the real gateway,
 * built on a scratch database (on DATABASE_URL's server, else a temporary embedded one) and dropped
 * after, so it is exactly what `/openapi.json` serves. A test fails when the committed files are stale.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createScratchDatabase } from '@benvung/embedded-pg';
import { createRuntime } from '@benvung/gateway';
import { provisionPostgres } from '@benvung/testkit';
import { pino } from 'pino';
import { clientTypes } from './lib/openapi-types.js';

const root = new URL('..', import.meta.url).pathname;
export const API_DIR = join(root, 'services/web/src/lib/api');

async function main() {
  const server = await provisionPostgres();
  const database = await createScratchDatabase(server.adminUrl, `bv_openapi_${process.pid}`);
  try {
    const runtime = await createRuntime({
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
    try {
      await runtime.app.ready();
      const document = runtime.app.swagger();
      await writeFile(join(API_DIR, 'schema.d.ts'), await clientTypes(document));
      console.log('wrote services/web/src/lib/api/schema.d.ts');
    } finally {
      await runtime.stop();
    }
  } finally {
    await database.drop();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
