import type { EventStore, LogProofs, LogSigningKey } from '@benvung/event-store';
import type { ProjectionLag, Projector, ReadModelDatabase } from '@benvung/projections';
import type { RuleBookCache } from '@benvung/rules';
import type { Kysely } from 'kysely';
import type { GatewayDb } from '../persistence/tables.js';

/** What the routes need, built by the caller (server, start script or test) and passed to buildApp. */
export interface GatewayDeps {
  store: EventStore;
  readModels: Kysely<ReadModelDatabase>;
  /** DATABASE_READ_URL's pool, when set: analytics and reports read here (see read-replica.ts). */
  readReplica?: Kysely<ReadModelDatabase>;
  /** The programme's rules (standards, loan rates and caps, programme components) by version and date. */
  rules: RuleBookCache;
  /** The gateway's own tables (idempotency keys, access log), on the same pool as the read models. */
  db: GatewayDb;
  /** Present when projections run in this process; /ready reports on it. */
  projector?: Projector;
  /** Signed checkpoints of the log and inclusion proofs; the key's public half checks them. */
  log?: { proofs: LogProofs; key: Pick<LogSigningKey, 'publicKey' | 'publicKeyText' | 'keyId'> };
  /** Each projection's lag behind the log, from its checkpoint (whichever process runs it). */
  projectionLag?: () => Promise<ProjectionLag[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: GatewayDeps;
  }
}
