import { randomBytes } from 'node:crypto';
import { createScratchDatabase, type ScratchDatabase } from '@benvung/embedded-pg';
import { inject } from 'vitest';

/** A database created for this caller alone. */
export type TestDatabase = ScratchDatabase;

function adminUrl(): string {
  const url = inject('benvungPostgresAdminUrl');
  if (!url) {
    throw new Error('no test PostgreSQL: run tests through the root vitest config (its globalSetup provisions one)');
  }
  return url;
}

/** Creates an empty database of its own on the test server. Identifiers are generated, never user input. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 30);
  return createScratchDatabase(adminUrl(), `bv_${safeLabel}_${randomBytes(5).toString('hex')}`);
}
