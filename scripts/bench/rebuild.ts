/**
 * `pnpm bench rebuild`: a full rebuild of every projection against a raw bulk load, in one run on the
 * same server. Seeds at least 1,000,000 events of the synthetic population (BENCH_REBUILD_EVENTS to
 * change it) through the event store into a scratch database (an embedded PostgreSQL in a temp dir,
 * or a fresh database on DATABASE_URL's server), then times:
 * - the baseline, before and after the rebuild (the mean of both counts): COPY of the same rows
 *   (es_events' own, so the payloads are real) into a table with es_events' columns; server-side
 *   `COPY … FROM '<file>'` where the role may read server files (the embedded server), as
 *   `pg-copy-streams` (COPY FROM STDIN for node-postgres) is not installed; also `INSERT … SELECT` of
 *   the same rows, always;
 * - `rebuildProjections` of `allProjections`, from position zero to the swap.
 * Timed phases run with the server's durable defaults (seeding alone runs with synchronous_commit off).
 * Prints a summary; the last line is one JSON object.
 */
import { PostgresEventStore } from '@benvung/event-store';
import { allProjections, createReadModelDb, migrateReadModels, rebuildProjections } from '@benvung/projections';
import { SingleBar } from 'cli-progress';
import pg from 'pg';
import { openBenchDatabase } from './lib/bench-database.js';
import { round } from './lib/measure.js';
import { seedLog } from './lib/seed-log.js';

const TARGET_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const TARGETS = { eventsPerSecond: 20_000, ratio: 0.25 } as const;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** The baseline: the same rows into a table with es_events' columns (no keys, no indexes). */
async function copyBaseline(url: string, rows: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const canReadFiles = (
      await client.query<{ ok: boolean }>(
        `SELECT rolsuper OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')
                       AND pg_has_role(current_user, 'pg_write_server_files', 'MEMBER') AS ok
         FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows[0]?.ok;
    const results: Record<string, { rows: number; seconds: number; rowsPerSecond: number }> = {};
    const measure = async (name: string, statement: string) => {
      await client.query('DROP TABLE IF EXISTS bench_copy_events');
      await client.query('CREATE TABLE bench_copy_events (LIKE es_events)');
      await client.query('CHECKPOINT');
      const { value, seconds } = await timed(() => client.query(statement));
      if (value.rowCount !== rows) throw new Error(`${name} wrote ${value.rowCount} rows, expected ${rows}`);
      results[name] = { rows, seconds: round(seconds, 2), rowsPerSecond: round(rows / seconds) };
      await client.query('DROP TABLE bench_copy_events');
    };
    let file: string | undefined;
    if (canReadFiles) {
      const dataDir = (await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`)).rows[0]
        ?.dir;
      // In the server's own data directory: the embedded server's temp dir goes with it; on a DATABASE_URL
      // server the file is truncated afterwards (a superuser cannot delete files through SQL).
      file = `${dataDir}/bench_copy_events.copy`;
      await client.query(`COPY es_events TO '${file}'`);
      await measure('copy', `COPY bench_copy_events FROM '${file}'`);
      await client.query(`COPY (SELECT 1 WHERE false) TO '${file}'`);
    }
    await measure('insertSelect', 'INSERT INTO bench_copy_events SELECT * FROM es_events');
    return { canReadFiles: Boolean(canReadFiles), results };
  } finally {
    await client.end();
  }
}

type Baseline = Awaited<ReturnType<typeof copyBaseline>>['results'];

/** Each baseline over both of its runs: the mean time, the rate for that, and each run's rate. */
function bothRuns(first: Baseline, second: Baseline) {
  const out: Record<string, Baseline[string] & { runs: number[] }> = {};
  for (const [name, a] of Object.entries(first)) {
    const b = second[name];
    if (!b) continue;
    const seconds = (a.seconds + b.seconds) / 2;
    out[name] = {
      rows: a.rows,
      seconds: round(seconds, 2),
      rowsPerSecond: round(a.rows / seconds),
      runs: [a.rowsPerSecond, b.rowsPerSecond],
    };
  }
  return out;
}

async function rebuild(url: string, total: number) {
  const store = new PostgresEventStore({ connectionString: url });
  const db = createReadModelDb(url, { max: 2 });
  const bar = new SingleBar({
    format: 'rebuild |{bar}| {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
    etaBuffer: 50,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  try {
    await migrateReadModels(db);
    await store.pool.query('CHECKPOINT');
    bar.start(total, 0, { speed: 0 });
    const result = await rebuildProjections({
      store,
      connectionString: url,
      projections: allProjections,
      total,
      onProgress: (p) => bar.update(Math.min(p.processed, total), { speed: Math.round(p.eventsPerSecond) }),
    });
    bar.stop();
    return result;
  } finally {
    bar.stop();
    await store.close();
    await db.destroy();
  }
}

async function main() {
  const db = await openBenchDatabase();
  const database = db.name;
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const settings = await pool.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
       WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size')`,
    );
    const server = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    console.log(`PostgreSQL ${server.server_version} (${db.description}), fsync=${server.fsync}`);
    console.log(`seeding at least ${TARGET_EVENTS.toLocaleString('en')} events (seed ${SEED}) …`);
    const seeded = await seedLog(db.url, pool, database, TARGET_EVENTS, SEED);
    console.log(seeded.stats?.lines().join('\n'));
    console.log(
      `seeded ${seeded.households} households, ${seeded.events} events in ${seeded.seconds.toFixed(1)} s ` +
        `(${Math.round(seeded.events / seeded.seconds)} events/s)`,
    );
    await pool.query('VACUUM (ANALYZE) es_events');
    const size = (
      await pool.query<{ rows: string; bytes: string; data: string }>(
        `SELECT count(*) AS rows, pg_total_relation_size('es_events') AS bytes,
                avg(pg_column_size(data))::int AS data FROM es_events`,
      )
    ).rows[0];
    const rows = Number(size?.rows ?? 0);
    console.log(
      `es_events: ${rows} rows, ${(Number(size?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB with indexes, ` +
        `data ${size?.data} bytes per event on average`,
    );

    // The baseline runs before and after the rebuild: this machine's speed drifts over minutes, and a
    // ratio to one side alone moved with it. Each figure is the same rows over the mean time of both.
    const before = await copyBaseline(db.url, rows);
    const result = await rebuild(db.url, rows);
    const after = await copyBaseline(db.url, rows);
    const baseline = { canReadFiles: before.canReadFiles, results: bothRuns(before.results, after.results) };
    const copy = baseline.results.copy ?? baseline.results.insertSelect;
    const insertSelect = baseline.results.insertSelect;
    if (!copy || !insertSelect) throw new Error('no baseline measured');

    const rebuildRate = result.eventsPerSecond;
    const ratio = rebuildRate / copy.rowsPerSecond;
    const met = { eventsPerSecond: rebuildRate >= TARGETS.eventsPerSecond, ratio: ratio >= TARGETS.ratio };
    const line = (name: string, n: number, seconds: number, perSecond: number, extra = '') =>
      console.log(
        `${name.padEnd(40)} ${String(n).padStart(9)} rows ${seconds.toFixed(2).padStart(7)} s ` +
          `${String(round(perSecond)).padStart(8)}/s ${extra}`,
      );
    console.log('');
    const copyName = baseline.canReadFiles ? "COPY bench_copy_events FROM '<file>'" : 'INSERT … SELECT (no COPY)';
    const runs = (b: { runs: number[] }) => `(before, after: ${b.runs.join(', ')}/s)`;
    line(copyName, copy.rows, copy.seconds, copy.rowsPerSecond, runs(copy));
    line(
      'INSERT INTO … SELECT * FROM es_events',
      insertSelect.rows,
      insertSelect.seconds,
      insertSelect.rowsPerSecond,
      runs(insertSelect),
    );
    line(
      `rebuild (${allProjections.map((p) => p.name).join(', ')})`,
      result.events,
      result.seconds,
      rebuildRate,
      `ratio ${ratio.toFixed(3)} (target ≥ ${TARGETS.ratio} ${met.ratio ? 'ok' : 'MISSED'}; ` +
        `≥ ${TARGETS.eventsPerSecond} events/s ${met.eventsPerSecond ? 'ok' : 'MISSED'})`,
    );
    console.log(
      JSON.stringify({
        bench: 'rebuild',
        events: rows,
        households: seeded.households,
        projections: allProjections.map((p) => p.name),
        rebuildEvents: result.events,
        rebuildSeconds: round(result.seconds, 2),
        rebuildEventsPerSecond: round(rebuildRate),
        copyMethod: baseline.canReadFiles ? 'server-side COPY FROM file' : 'INSERT ... SELECT (COPY not available)',
        copyRowsPerSecond: copy.rowsPerSecond,
        copySeconds: copy.seconds,
        copyRuns: copy.runs,
        insertSelectRowsPerSecond: insertSelect.rowsPerSecond,
        ratio: round(ratio, 3),
        ratioToInsertSelect: round(rebuildRate / insertSelect.rowsPerSecond, 3),
        targets: TARGETS,
        met,
        seedSeconds: round(seeded.seconds, 1),
        seedEventsPerSecond: round(seeded.events / seeded.seconds),
        server: { ...server, source: db.description },
      }),
    );
  } finally {
    await pool.end();
    await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
