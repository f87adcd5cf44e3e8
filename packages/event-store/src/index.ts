export {
  ConcurrencyError,
  ErasureNotSupportedError,
  EventStoreError,
  IdempotencyConflictError,
  InvalidAppendError,
  StoreClosedError,
  StreamNotFoundError,
} from './errors.js';
export type { EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export { EsdbEventStore } from './esdb/esdb-event-store.js';
export { chainHash, contentHash, GENESIS_HASH, personalDigest } from './hash.js';
export * from './log/index.js';
export type * from './port.js';
export { BACKLOG_CAP, MAX_STREAMS_PER_READ } from './port.js';
export type { BulkBatch, BulkStream } from './postgres/bulk-load.js';
export { encodeBulkBatch, writeBulkBatch } from './postgres/bulk-load.js';
export { isDatabaseUnavailable, isTransientDatabaseError } from './postgres/connection-errors.js';
export { copyTextField } from './postgres/copy-text.js';
export { analyzeEventLog } from './postgres/log-statistics.js';
export { migrateEventStore } from './postgres/migrate.js';
export { createClient, createPool, NoSuitableHostError } from './postgres/multi-host.js';
export type { TargetSessionAttrs } from './postgres/multi-host-url.js';
export { ConnectionStringError, parseMultiHostUrl } from './postgres/multi-host-url.js';
export { guardPool, POOL_CONNECT_TIMEOUT_MS } from './postgres/pool.js';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { PostgresEventStore } from './postgres/postgres-event-store.js';
export { eventColumns } from './postgres/rows.js';
export { MAX_EVENTS_PER_APPEND } from './prepare.js';
export { keptSecret } from './secret-file.js';
export type { StoredShape, Upcaster } from './upcasting.js';
export { UpcasterRegistry } from './upcasting.js';
export type { StoredEvent } from './verify.js';
export { verifyChain } from './verify.js';
