/** The projection worker as its own process (DATABASE_URL required). */
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
