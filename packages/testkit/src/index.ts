export { containerRuntimeAvailable } from './container-runtime.js';
export type { PostgresSource, ProvisionedPostgres } from './provision.js';
export { provisionPostgres } from './provision.js';
export type { StoppablePostgres } from './stoppable-postgres.js';
export { startStoppablePostgres } from './stoppable-postgres.js';
export type { TestDatabase } from './test-database.js';
export { createTestDatabase } from './test-database.js';
