/**
 * Runs the gateway against the PostgreSQL server of DATABASE_URL (containers, production).
 * For a laptop with no database server, `pnpm start` (scripts/start.ts) brings an embedded one.
 */
import { resolveLogSigningKey } from '@benvung/event-store';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { resolveExportPseudonymKey } from './application/export-key.js';
import { ConfigError, checkpointSettings, loadConfig } from './config.js';
import { loggerOptions } from './logger.js';
import { createRuntime } from './runtime.js';

async function main() {
  const config = loadConfig();
  const logger = pino(loggerOptions(config.LOG_LEVEL));
  if (!config.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_URL: required by the gateway service (use `pnpm start` for the embedded default)',
    ]);
  }
  if (!config.AUTH_JWT_SECRET) {
    throw new ConfigError(['AUTH_JWT_SECRET: required by the gateway service (at least 32 characters)']);
  }
  const jwtSecret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
  const pseudonymKey = await resolveExportPseudonymKey(config.EXPORT_PSEUDONYM_KEY, config.DATA_DIR);
  const logSigningKey = await resolveLogSigningKey(config.LOG_SIGNING_KEY, config.DATA_DIR);
  const runtime = await createRuntime({
    databaseUrl: config.DATABASE_URL,
    config,
    logger,
    jwtSecret,
    pseudonymKey,
    logSigningKey,
    checkpoints: checkpointSettings(config),
    ...(config.WEB_ROOT ? { webRoot: config.WEB_ROOT } : {}),
  });
  await runtime.app.listen({ port: config.PORT, host: config.HOST });
  closeWithGrace({ delay: 4500, logger }, async ({ err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    await runtime.stop();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
