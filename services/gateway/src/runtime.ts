import { createHmac } from 'node:crypto';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
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
    | 'RATE_LIMIT_PER_MINUTE'
    | 'CORS_ORIGINS'
    | 'DEMO_UNITS'
    | 'ADMIN_PASSWORD'
  > &
    HardeningConfig;
  jwtSecret: Uint8Array;
  /** The built web app to serve at `/` (services/web/dist). */
  webRoot?: string;
  /** Defaults to a key derived from the JWT secret (stable across restarts, secret like it). */
  pseudonymKey?: Uint8Array;
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
  const app = await buildApp({
    deps: {
      store,
      readModels: db,
      rules,
      db: db.withTables<GatewayTables>(),
      ...(projector ? { projector } : {}),
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
    pseudonymKey: options.pseudonymKey ?? derivePseudonymKey(options.jwtSecret),
    geography,
    logger: logger as FastifyBaseLogger,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  return {
    app,
    projector,
    async stop() {
      await app.close();
      await projector?.stop();
      await store.close();
      await db.destroy();
    },
  };
}

/** A separate key for pseudonyms, derived so that no second secret has to be managed. */
function derivePseudonymKey(jwtSecret: Uint8Array): Uint8Array {
  return createHmac('sha256', jwtSecret).update('benvung analytics pseudonym key v1').digest();
}
