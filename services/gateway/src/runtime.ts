import { randomBytes } from 'node:crypto';
import {
  LogProofs,
  type LogSigningKey,
  migrateEventStore,
  PostgresEventStore,
  signingKeyFrom,
  startCheckpointer,
} from '@benvung/event-store';
import { GeographyService } from '@benvung/geography';
import {
  createAllProjections,
  createReadModelDb,
  migrateReadModels,
  Projector,
  projectionLags,
  syncUnitsTable,
} from '@benvung/projections';
import { RuleBookCache } from '@benvung/rules';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { type HardeningConfig, hardeningOptions } from './app-settings.js';
import { ensureFirstAdmin } from './application/first-admin.js';
import type { GatewayConfig } from './config.js';
import { migrateGatewayTables } from './persistence/migrate.js';
import type { GatewayTables } from './persistence/tables.js';

export interface Runtime {
  app: FastifyInstance;
  projector: Projector | undefined;
  /** Stops in order: HTTP (draining requests), projections (after the batch in flight), pools. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  databaseUrl: string;
  config: Pick<
    GatewayConfig,
    | 'BODY_LIMIT_BYTES'
    | 'RUN_PROJECTOR'
    | 'DB_POOL_SIZE'
    | 'DATABASE_READ_URL'
    | 'RATE_LIMIT_PER_MINUTE'
    | 'CORS_ORIGINS'
    | 'DEMO_UNITS'
    | 'ADMIN_PASSWORD'
  > &
    HardeningConfig;
  jwtSecret: Uint8Array;
  /** The built web app to serve at `/` (services/web/dist). */
  webRoot?: string;
  /**
   * The export pseudonym key (see `resolveExportPseudonymKey`); without it a random one for this
   * process, never one derived from the JWT secret.
   */
  pseudonymKey?: Uint8Array;
  /** Signs checkpoints of the log (see `resolveLogSigningKey`); without it a random one for this process. */
  logSigningKey?: LogSigningKey;
  /** How often to sign, and where to publish each checkpoint (a file, one line each). */
  checkpoints?: { everyEvents?: number; intervalSeconds?: number; file?: string };
  logger: Logger;
}

/** Migrates the database, then wires the event store, read models, projector and HTTP app. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { databaseUrl, config, logger } = options;
  // A connection that breaks (server stopped or restarted, backend terminated, network) must not end
  // the process: the query on it fails (503 DATABASE_UNAVAILABLE) and the pool opens a fresh one.
  const onPoolError = (err: Error) => logger.warn({ err }, 'database connection lost');
  const store = new PostgresEventStore({
    connectionString: databaseUrl,
    maxPoolSize: config.DB_POOL_SIZE,
    onPoolError,
  });
  const db = createReadModelDb(databaseUrl, { max: config.DB_POOL_SIZE, onPoolError });
  // Read only: nothing is migrated or written through it.
  const readReplica = config.DATABASE_READ_URL
    ? createReadModelDb(config.DATABASE_READ_URL, { max: config.DB_POOL_SIZE, onPoolError })
    : undefined;
  let rules: RuleBookCache;
  let geography: GeographyService;
  try {
    await migrateEventStore(store.pool);
    await migrateReadModels(db);
    await migrateGatewayTables(db);
    // Someone has to be able to sign in and create the other accounts.
    await ensureFirstAdmin(db.withTables<GatewayTables>(), {
      ...(config.ADMIN_PASSWORD ? { password: config.ADMIN_PASSWORD } : {}),
      logger,
    });
    // The national unit lists (and the demo units when asked) with the lists loaded since.
    geography = await GeographyService.open(store, { demo: config.DEMO_UNITS });
    for (const gap of geography.report.gaps) logger.info({ gap }, 'unit lists: known gap');
    await syncUnitsTable(db, geography.registry.units);
    // Records the release's rule files the store lacks, then reads every version.
    rules = await RuleBookCache.open(store);
  } catch (err) {
    await store.close();
    await db.destroy();
    await readReplica?.destroy();
    throw err;
  }
  const projections = createAllProjections(geography.registry);
  const projector = config.RUN_PROJECTOR
    ? new Projector({
        store,
        db,
        projections,
        onFailure: (name, err) => logger.error({ err, projection: name }, 'projection stopped'),
        onRetry: (name, err, attempt, delayMs) =>
          logger.warn({ err, projection: name, attempt, delayMs }, 'projection failed for a transient cause; retrying'),
      })
    : undefined;
  projector?.start();
  const logKey = options.logSigningKey ?? signingKeyFrom(randomBytes(32));
  // The log's Merkle tree grows beside the projections, in whichever process runs them.
  const checkpointer = config.RUN_PROJECTOR
    ? startCheckpointer({ store, key: logKey, logger, ...options.checkpoints })
    : undefined;
  const app = await buildApp({
    deps: {
      store,
      readModels: db,
      ...(readReplica ? { readReplica } : {}),
      rules,
      db: db.withTables<GatewayTables>(),
      ...(projector ? { projector } : {}),
      log: { proofs: new LogProofs(store.pool), key: logKey },
      projectionLag: () =>
        projectionLags(
          store,
          db,
          projections.map((p) => p.name),
          new Date(),
        ),
    },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    ...hardeningOptions(config),
    corsOrigins: config.CORS_ORIGINS,
    jwtSecret: options.jwtSecret,
    pseudonymKey: options.pseudonymKey ?? randomBytes(32),
    geography,
    logger: logger as FastifyBaseLogger,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  return {
    app,
    projector,
    async stop() {
      await app.close();
      await checkpointer?.stop();
      await projector?.stop();
      await store.close();
      await db.destroy();
      await readReplica?.destroy();
    },
  };
}
