/** The projection worker as its own process (DATABASE_URL required). */
import { parseSigningKey, signingKeyFrom } from '@benvung/event-store';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { loadProjectorConfig } from './config.js';
import { startProjectorWorker } from './worker.js';

async function main() {
  const config = loadProjectorConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const worker = await startProjectorWorker({
    databaseUrl: config.DATABASE_URL,
    batchSize: config.PROJECTOR_BATCH_SIZE,
    demoUnits: config.DEMO_UNITS,
    logger,
    ...(config.LOG_SIGNING_KEY
      ? {
          checkpoints: {
            key: signingKeyFrom(parseSigningKey(config.LOG_SIGNING_KEY)),
            everyEvents: config.LOG_CHECKPOINT_EVERY_EVENTS,
            intervalSeconds: config.LOG_CHECKPOINT_INTERVAL_SECONDS,
            ...(config.LOG_CHECKPOINT_FILE ? { file: config.LOG_CHECKPOINT_FILE } : {}),
          },
        }
      : {}),
  });
  logger.info('projector running');
  closeWithGrace({ delay: 4500, logger }, async () => {
    await worker.stop();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
