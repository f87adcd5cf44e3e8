import { type LogSigningKey, migrateEventStore, PostgresEventStore, startCheckpointer } from '@benvung/event-store';
import { loadGeography } from '@benvung/geography';
import { createAllProjections, createReadModelDb, migrateReadModels, Projector } from '@benvung/projections';
import type { Logger } from 'pino';
import { whenDatabaseAnswers } from './when-database-answers.js';

export interface ProjectorWorker {
  projector: Projector;
  stop(): Promise<void>;
}

/** Migrates, then runs every projection until stopped. Several workers may run: checkpoints serialise them. */
export async function startProjectorWorker(options: {
  databaseUrl: string;
  batchSize: number;
  logger: Logger;
  /** Read units from the national lists and the demo units (as the gateway does with DEMO_UNITS). */
  demoUnits?: boolean;
  /** With a key, this worker also extends the log's Merkle tree and signs checkpoints. */
  checkpoints?: { key: LogSigningKey; everyEvents?: number; intervalSeconds?: number; file?: string };
}): Promise<ProjectorWorker> {
  const { registry } = await loadGeography({ demo: options.demoUnits ?? false });
  const onPoolError = (err: Error) => options.logger.warn({ err }, 'database connection lost');
  const store = new PostgresEventStore({ connectionString: options.databaseUrl, onPoolError });
  const db = createReadModelDb(options.databaseUrl, { onPoolError });
  await whenDatabaseAnswers(async () => {
    await migrateEventStore(store.pool);
    await migrateReadModels(db);
  }, options.logger);
  const projector = new Projector({
    store,
    db,
    projections: createAllProjections(registry),
    batchSize: options.batchSize,
    onFailure: (name, err) => options.logger.error({ err, projection: name }, 'projection stopped'),
    onRetry: (name, err, attempt, delayMs) =>
      options.logger.warn(
        { err, projection: name, attempt, delayMs },
        'projection failed for a transient cause; retrying',
      ),
  });
  projector.start();
  const checkpointer = options.checkpoints
    ? startCheckpointer({ store, logger: options.logger, ...options.checkpoints })
    : undefined;
  return {
    projector,
    async stop() {
      await checkpointer?.stop();
      await projector.stop();
      await store.close();
      await db.destroy();
    },
  };
}
