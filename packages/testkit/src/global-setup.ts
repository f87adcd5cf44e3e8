import type { TestProject } from 'vitest/node';
import { provisionPostgres } from './provision.js';

declare module 'vitest' {
  export interface ProvidedContext {
    benvungPostgresAdminUrl: string;
    benvungPostgresSource: string;
  }
}

/** Vitest global setup: one server for the whole run; every test file makes its own database on it. */
export default async function setup(project: TestProject) {
  const server = await provisionPostgres();
  console.log(`[testkit] PostgreSQL for tests: ${server.description}`);
  project.provide('benvungPostgresAdminUrl', server.adminUrl);
  project.provide('benvungPostgresSource', server.source);
  return async () => {
    await server.stop();
  };
}
