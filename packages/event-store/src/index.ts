export {
  ConcurrencyError,
  EventStoreError,
  IdempotencyConflictError,
  InvalidAppendError,
  StoreClosedError,
  StreamNotFoundError,
} from './errors.js';
export type { EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export { EsdbEventStore } from './esdb/esdb-event-store.js';
export { chainHash, contentHash, GENESIS_HASH, personalDigest } from './hash.js';
export type * from './port.js';
export { BACKLOG_CAP, MAX_STREAMS_PER_READ } from './port.js';
export { isDatabaseUnavailable, isTransientDatabaseError } from './postgres/connection-errors.js';
export { analyzeEventLog } from './postgres/log-statistics.js';
export { migrateEventStore } from './postgres/migrate.js';
export { guardPool, POOL_CONNECT_TIMEOUT_MS } from './postgres/pool.js';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { PostgresEventStore } from './postgres/postgres-event-store.js';
export { MAX_EVENTS_PER_APPEND } from './prepare.js';
export type { StoredShape, Upcaster } from './upcasting.js';
export { UpcasterRegistry } from './upcasting.js';
export type { StoredEvent } from './verify.js';
export { verifyChain } from './verify.js';
