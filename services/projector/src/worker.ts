import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { allProjections, createReadModelDb, migrateReadModels, Projector } from '@benvung/projections';
import type { Logger } from 'pino';

export interface ProjectorWorker {
  projector: Projector;
  stop(): Promise<void>;
}

/** Migrates, then runs every projection until stopped. Several workers may run: checkpoints serialise them. */
export async function startProjectorWorker(options: {
  databaseUrl: string;
  batchSize: number;
  logger: Logger;
}): Promise<ProjectorWorker> {
  const store = new PostgresEventStore({ connectionString: options.databaseUrl });
  const db = createReadModelDb(options.databaseUrl);
  await migrateEventStore(store.pool);
  await migrateReadModels(db);
  const projector = new Projector({
    store,
    db,
    projections: allProjections,
    batchSize: options.batchSize,
    onFailure: (name, err) => options.logger.error({ err, projection: name }, 'projection stopped'),
  });
  projector.start();
  return {
    projector,
    async stop() {
      await projector.stop();
      await store.close();
      await db.destroy();
    },
  };
}
