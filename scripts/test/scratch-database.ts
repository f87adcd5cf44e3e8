import { randomBytes } from 'node:crypto';
import { createScratchDatabase, type ScratchDatabase } from '@benvung/embedded-pg';
import { inject } from 'vitest';

/*
 * @benvung/testkit's createTestDatabase is not reachable from here (@benvung/scripts does not depend on
 * it), so this does what it does: a database of its own on the server the root globalSetup provides.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    benvungPostgresAdminUrl: string;
  }
}

/** An empty database of its own for a scripts test; drop it when done. */
export const scratchDatabase = (label: string): Promise<ScratchDatabase> =>
  createScratchDatabase(inject('benvungPostgresAdminUrl'), `bv_${label}_${randomBytes(5).toString('hex')}`);
