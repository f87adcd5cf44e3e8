export { containerRuntimeAvailable } from './container-runtime.js';
export type { PostgresSource, ProvisionedPostgres } from './provision.js';
export { provisionPostgres } from './provision.js';
export type { TestDatabase } from './test-database.js';
export { createTestDatabase } from './test-database.js';
