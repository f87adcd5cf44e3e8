import { spawn } from 'node:child_process';
import { appendFile, chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@benvung/embedded-pg';
import {
  LogCheckpointer,
  LogProofs,
  migrateEventStore,
  PostgresEventStore,
  resolveLogSigningKey,
  verifyLog,
} from '@benvung/event-store';
import { loadGeography } from '@benvung/geography';
import { parsePublishedLine, publishedLine, type SignedCheckpoint } from '@benvung/log-proof';
import { createAllProjections, createReadModelDb, migrateReadModels, rebuildProjections } from '@benvung/projections';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgTools } from '../lib/pg-tools.js';
import { type ServiceProcess, startCommand, waitForHealth } from './support/gateway-process.js';
import { waitForProjections } from './support/log-check.js';
import { readModelSnapshot } from './support/read-model-snapshot.js';
import { RestoreWriter } from './support/restore-writer.js';
import {
  initSystemCluster,
  query,
  type SystemCluster,
  serverOwnedDir,
  systemCluster,
} from './support/system-cluster.js';

const root = new URL('../..', import.meta.url).pathname;
const tools = await findPgTools();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Columns that say when a projector wrote a row, not what the log holds: none so far. Every read
 * model is compared whole; a column added here needs the reason it may differ after a rebuild.
 */
const IGNORED_COLUMNS: Record<string, readonly string[]> = {};

/** `pnpm backup …` as an operator runs it, against `databaseUrl`. */
function backupCommand(args: string[], databaseUrl?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/backup.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** Every event id of the log in commit order. */
const eventIds = async (url: string) =>
  (await query<{ event_id: string }>(url, 'SELECT event_id FROM es_events ORDER BY seq')).map((r) => r.event_id);

/** Waits until the archiver has archived `segment` (it archives in order: all before it too). */
async function waitForArchived(url: string, segment: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const [s] = await query<{ last: string | null; failed: number }>(
      url,
      'SELECT last_archived_wal AS last, failed_count::int AS failed FROM pg_stat_archiver',
    );
    if (s?.last && s.last >= segment) return;
    if (Date.now() - started > timeoutMs) throw new Error(`WAL ${segment} not archived: ${JSON.stringify(s)}`);
    await pause(200);
  }
}

/** Waits until a recovering server has reached its target and opened for writes. */
async function waitForPromotion(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const [r] = await query<{ recovering: boolean }>(url, 'SELECT pg_is_in_recovery() AS recovering').catch(() => []);
    if (r && !r.recovering) return;
    if (Date.now() - started > timeoutMs) throw new Error('the restored server did not finish recovery in time');
    await pause(250);
  }
}

/** Signs a checkpoint of the whole log as it is now, with the gateway's key. */
async function signCheckpoint(url: string, secretKey: Uint8Array): Promise<SignedCheckpoint> {
  const store = new PostgresEventStore({ connectionString: url, maxPoolSize: 2 });
  try {
    const events = (await eventIds(url)).length;
    for (let attempt = 0; attempt < 10; attempt++) {
      // The gateway's own checkpointer adds leaves too; a pass that loses that race is tried again.
      await new LogCheckpointer({ store, pool: store.pool, secretKey }).extend({ sign: true }).catch(() => pause(500));
      const latest = await new LogProofs(store.pool).latestCheckpoint();
      if (latest?.treeSize === events) return latest;
    }
    throw new Error(`no checkpoint of the ${events} events could be signed`);
  } finally {
    await store.close();
  }
}

let work: string | undefined;
const clusters: SystemCluster[] = [];
let gateway: ServiceProcess | undefined;
afterAll(async () => {
  await gateway?.stop();
  for (const c of clusters) await c.stop().catch((err: unknown) => console.error(err));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('backups that restore', () => {
  const title =
    'pnpm backup base + the WAL archive restore to a point in time: exactly the log before it, verified, read models rebuilt alike';
  if (!tools) {
    it.skip(
      `${title} — skipped: no PostgreSQL programs (pg_basebackup, initdb) in pg_config --bindir, /usr/lib/postgresql/*/bin or PG_BINDIR`,
    );
    return;
  }
  it(title, { timeout: 300_000 }, async () => {
    const began = Date.now();
    work = await mkdtemp(join(tmpdir(), 'benvung-restore-'));
    // As root the server runs as `postgres`, which must enter the directory.
    await chmod(work, 0o755);
    const wal = await serverOwnedDir(join(work, 'wal-archive'));
    const logs = await serverOwnedDir(join(work, 'logs'));
    const source = await initSystemCluster(tools, join(work, 'source'), logs, [
      'archive_mode = on',
      // The README's command: never overwrite an archived segment, and only a synced copy gets its name.
      `archive_command = 'test ! -f ${wal}/%f && cp %p ${wal}/%f.tmp && sync ${wal}/%f.tmp && mv ${wal}/%f.tmp ${wal}/%f'`,
    ]);
    clusters.push(source);
    await source.start();
    await query(source.url(), 'CREATE DATABASE benvung');
    const sourceUrl = source.url('benvung');

    // The gateway migrates the store and read models, runs the projections and grows the log's tree.
    const gatewayData = join(work, 'gateway-data');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    gateway = startCommand({ port, databaseUrl: sourceUrl, dataDir: gatewayData });
    await waitForHealth(baseUrl, gateway);
    const writer = await RestoreWriter.create(baseUrl);
    await writer.households('before-backup', 6);

    const base = await backupCommand(['base', '--to', join(work, 'base')], sourceUrl);
    expect(base.code, base.output).toBe(0);
    expect(base.output).toContain('backup successfully verified');

    await writer.households('after-backup', 6);
    const projections = createAllProjections((await loadGeography({ demo: false })).registry);
    await waitForProjections(
      sourceUrl,
      projections.map((p) => p.name),
      30_000,
    );

    // Sign a checkpoint of everything so far and publish its line, as an operator copies it out.
    const key = await resolveLogSigningKey(undefined, gatewayData);
    const published = join(work, 'published-checkpoints.txt');
    const checkpoint = await signCheckpoint(sourceUrl, key.secretKey);
    await appendFile(published, `${publishedLine(checkpoint)}\n`);
    const idsAtT = await eventIds(sourceUrl);
    expect(checkpoint.treeSize).toBe(idsAtT.length);
    const tables = [...new Set(projections.flatMap((p) => p.tables))];
    const modelsAtT = await readModelSnapshot(sourceUrl, tables, IGNORED_COLUMNS);
    expect(modelsAtT.household_status?.length).toBe(12);

    // T, by the server's clock (the one commit timestamps use), with nothing committed around it.
    await pause(100);
    const [{ t } = { t: '' }] = await query<{ t: string }>(sourceUrl, `SELECT to_json(clock_timestamp())#>>'{}' AS t`);
    await pause(100);
    const later = await writer.households('after-target', 4);
    const idsAfterT = (await eventIds(sourceUrl)).slice(idsAtT.length);
    expect(idsAfterT.length).toBeGreaterThanOrEqual(8);
    // Lines go on being published after the target: the restore must pick the one of its time.
    await appendFile(published, `${publishedLine(await signCheckpoint(sourceUrl, key.secretKey))}\n`);
    const [{ segment } = { segment: '' }] = await query<{ segment: string }>(
      sourceUrl,
      'SELECT pg_walfile_name(pg_switch_wal()) AS segment',
    );
    await waitForArchived(sourceUrl, segment, 60_000);
    await gateway.stop();
    await source.stop();

    const target = join(work, 'restored');
    const restored = await backupCommand([
      'restore',
      '--base',
      join(work, 'base'),
      '--wal',
      wal,
      '--target-time',
      t,
      '--to',
      target,
    ]);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('backup successfully verified');
    const copy = await systemCluster(tools, target, logs);
    clusters.push(copy);
    await copy.start();
    const copyUrl = copy.url('benvung');
    await waitForPromotion(copyUrl, 120_000);
    const recoveryLog = await copy.log();
    expect(recoveryLog).toMatch(/recovery stopping before commit of transaction/);

    // Exactly the events committed before T, in the same order; none of the later households.
    expect(await eventIds(copyUrl)).toEqual(idsAtT);
    const laterFound = await query<{ n: number }>(
      copyUrl,
      `SELECT count(*)::int AS n FROM es_events WHERE event_id = ANY($1::uuid[])`,
      [idsAfterT],
    );
    expect(laterFound[0]?.n).toBe(0);
    expect(later.length).toBe(4);

    // The whole log verifies, against the published line and the key, not the database's word.
    const copyStore = new PostgresEventStore({ connectionString: copyUrl, maxPoolSize: 4 });
    const db = createReadModelDb(copyUrl, { max: 2 });
    try {
      // As the README's runbook: the newest published line signed by the target time.
      const lines = (await readFile(published, 'utf8')).trim().split('\n').map(parsePublishedLine);
      expect(lines.length).toBe(2);
      const atTarget = lines.filter((c) => c && Date.parse(c.signedAt) <= Date.parse(t)).at(-1);
      if (!atTarget) throw new Error(`no published line signed by ${t}`);
      const verification = await verifyLog(copyStore.pool, { publicKey: key.publicKey, externalCheckpoint: atTarget });
      expect(verification.problems).toEqual([]);
      expect(verification).toMatchObject({ valid: true, events: idsAtT.length, leaves: idsAtT.length, uncovered: 0 });
      expect(verification.checkpoint).toMatchObject({
        treeSize: idsAtT.length,
        signatureValid: true,
        rootMatches: true,
        source: 'given',
      });
      // The line signed after the target names events the copy does not have, and says so.
      const afterTarget = lines.at(-1);
      if (!afterTarget) throw new Error('no line signed after the target');
      const beyond = await verifyLog(copyStore.pool, { publicKey: key.publicKey, externalCheckpoint: afterTarget });
      expect(beyond.valid).toBe(false);
      expect(beyond.problems.map((p) => p.detail)).toEqual([
        `signed for ${afterTarget.treeSize} events, but the tree holds ${idsAtT.length}`,
      ]);

      // The restored read models are the source's at T; rebuilt from the restored log, they still are.
      expect(await readModelSnapshot(copyUrl, tables, IGNORED_COLUMNS)).toEqual(modelsAtT);
      await migrateEventStore(copyStore.pool);
      await migrateReadModels(db);
      const rebuilt = await rebuildProjections({ store: copyStore, connectionString: copyUrl, projections });
      expect(rebuilt.position).toBeDefined();
      expect(await readModelSnapshot(copyUrl, tables, IGNORED_COLUMNS)).toEqual(modelsAtT);
    } finally {
      await copyStore.close();
      await db.destroy();
    }
    console.log(
      `[faults] restore: ${Math.round((Date.now() - began) / 1000)} s; ${idsAtT.length} events restored to ${t} ` +
        `(${idsAfterT.length} after it left out), ${tables.length} read-model tables rebuilt and equal`,
    );
  });
});
