export type { EmbeddedPostgresOptions, RunningPostgres } from './embedded-postgres.js';
export { startEmbeddedPostgres } from './embedded-postgres.js';
export { freePort } from './free-port.js';
export type { LocalDatabase } from './local-database.js';
export { openLocalDatabase } from './local-database.js';
export type { ScratchDatabase } from './temporary.js';
export { createScratchDatabase, startTemporaryPostgres } from './temporary.js';
