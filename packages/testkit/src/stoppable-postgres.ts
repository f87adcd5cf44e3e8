import { pgCtlStart, pgCtlStop, serverFlags, startTemporaryPostgres } from '@benvung/embedded-pg';

/** A throw-away server of a test's own, which the test may take away and bring back. */
export interface StoppablePostgres {
  /** Superuser connection string of database `postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** `pg_ctl stop`: `immediate` is a crash (recovery at the next start), `fast` a clean stop. */
  halt(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
  /** Stops it (whichever way it runs now) and removes its data. */
  dispose(): Promise<void>;
}

/**
 * For tests of what happens when the database goes away: never the shared test server, whose other
 * users must not see it stop. Durable settings (no `fast`): an immediate stop must not lose a commit
 * the server acknowledged, or a test of "every acknowledged write is stored" would be testing nothing.
 */
export async function startStoppablePostgres(prefix: string): Promise<StoppablePostgres> {
  const server = await startTemporaryPostgres({ prefix });
  return {
    url: server.url,
    port: server.port,
    dataDir: server.dataDir,
    async halt(mode = 'immediate') {
      const result = await pgCtlStop(server.dataDir, mode, 30);
      if (!result.stopped) throw new Error(`pg_ctl stop -m ${mode} failed: ${result.output}`);
    },
    resume: () => pgCtlStart(server.dataDir, server.port, serverFlags(false)),
    dispose: () => server.stop(),
  };
}
