/**
 * `pnpm simulate national --households N [--years 5] [--keep]`: a national deployment's log, measured.
 * Generates N households of the seed's model (every event decided by the real household decider,
 * 2022–2026) at bulk speed into a scratch database (on DATABASE_URL's server, or an embedded
 * one), then measures and prints, as one benchmark run with a last-line JSON object:
 * - the load at bulk speed (worker threads decide, hash and chain every event; COPY writes them), and
 *   building the log's signed tree;
 * - a rebuild of every projection from position zero (events/s; the goal is ≥ 40,000/s);
 * - bytes on disk per event: the log, its indexes, the tree, the read models;
 * - p50/p99 at 32 connections through the real gateway (HTTP): a household read, a commune's list with
 *   a name search, a command (a note) — goal p99 < 50 ms;
 * - relapse survival for one province and for the nation (goal < 2 s), a province's year report.
 * With --keep the database is kept and its URL printed. At full size the load and the tree take most of
 * an hour: `--stop-after tree` keeps the database once they are done (their figures recorded in it),
 * and `--database URL` goes on in that database from where it stopped (after the tree, or after the
 * rebuild: then it measures only; run-record.ts); given an empty
 * database, it runs every phase there and keeps it.
 */
import { LogCheckpointer, migrateEventStore, PostgresEventStore, signingKeyFrom } from '@benvung/event-store';
import { signToken } from '@benvung/gateway';
import { loadGeography } from '@benvung/geography';
import { createAllProjections, createReadModelDb, migrateReadModels, rebuildProjections } from '@benvung/projections';
import pg from 'pg';
import { type LoadFigures, runLoad } from './bench/lib/autocannon-run.js';
import { openBenchDatabase } from './bench/lib/bench-database.js';
import { startHttpTarget } from './bench/lib/http-target-process.js';
import { round } from './bench/lib/measure.js';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';
import { SEED_COMMUNE_SETS, type SeedCommuneSetName } from './seed/index.js';
import { bulkLoadPopulation } from './simulate/bulk-load.js';
import { type LoadedLog, loadedLog, recordLoadedLog } from './simulate/run-record.js';

const usage =
  'usage: pnpm simulate national --households N [--years 5] [--seed S] [--duration SECONDS] [--workers 2] [--communes national|demo] [--keep] [--stop-after tree] [--database URL]';
const GOALS = { rebuildEventsPerSecond: 40_000, commandP99Ms: 50, survivalSeconds: 2 } as const;
const CONNECTIONS = 32;
const SECRET = 'simulate-secret-simulate-secret-simulate!';

function options() {
  const args = process.argv.slice(2);
  if (args.shift() !== 'national') throw new UsageError(usage);
  const households = Number(takeOption(args, '--households', usage) ?? 25_000);
  const years = Number(takeOption(args, '--years', usage) ?? 5);
  const seed = Number(takeOption(args, '--seed', usage) ?? 1);
  const duration = Number(takeOption(args, '--duration', usage) ?? 8);
  const keep = takeFlag(args, '--keep');
  const workers = Number(takeOption(args, '--workers', usage) ?? 2);
  const communes = takeOption(args, '--communes', usage) ?? 'national';
  const stopAfter = takeOption(args, '--stop-after', usage);
  if (stopAfter !== undefined && stopAfter !== 'tree') throw new UsageError(`--stop-after: only tree\n${usage}`);
  const database = takeOption(args, '--database', usage);
  if (!(SEED_COMMUNE_SETS as readonly string[]).includes(communes)) {
    throw new UsageError(`--communes: one of ${SEED_COMMUNE_SETS.join(', ')}\n${usage}`);
  }
  if (args.length > 0) throw new UsageError(`unknown argument ${args[0]}\n${usage}`);
  if (!Number.isInteger(households) || households < 100) throw new UsageError(`--households: at least 100\n${usage}`);
  // The seed's model simulates the five list years 2022–2026; other spans would need another model.
  if (years !== 5) throw new UsageError(`--years: the seed's model covers five years (2022–2026)\n${usage}`);
  return {
    households,
    seed,
    duration,
    // A database given, or one stopped half-way, is there to go on with.
    keep: keep || stopAfter !== undefined || database !== undefined,
    workers,
    communes: communes as SeedCommuneSetName,
    stopAfter,
    database,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** `count` sequential requests: p50 and the slowest, in seconds (one analyst, one at a time). */
async function sequential(count: number, url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const { value, seconds } = await timed(() => fetch(url, { headers }));
    if (value.status !== 200) throw new Error(`${url}: ${value.status} ${await value.text()}`);
    await value.arrayBuffer();
    times.push(seconds);
  }
  times.sort((a, b) => a - b);
  return { p50: round(times[Math.floor(times.length / 2)] as number, 3), max: round(times.at(-1) as number, 3) };
}

async function sizes(pool: pg.Pool, events: number) {
  const r = await pool.query<{ log: string; log_indexes: string; tree: string; read_models: string }>(`
    SELECT pg_table_size('es_events') AS log, pg_indexes_size('es_events') AS log_indexes,
      (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname IN ('es_log_leaves', 'es_log_tiles', 'es_log_checkpoints', 'es_stream_heads')) AS tree,
      (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'es\\_%') AS read_models`);
  const row = r.rows[0];
  const per = (b: string | undefined) => round(Number(b ?? 0) / events, 1);
  return {
    logBytesPerEvent: per(row?.log),
    logIndexBytesPerEvent: per(row?.log_indexes),
    treeBytesPerEvent: per(row?.tree),
    readModelBytesPerEvent: per(row?.read_models),
    totalMiB: round(
      (Number(row?.log) + Number(row?.log_indexes) + Number(row?.tree) + Number(row?.read_models)) / 2 ** 20,
    ),
  };
}

/** Phase 1: the population written at bulk speed, then the log's tree built and signed. */
async function loadAndSign(
  o: ReturnType<typeof options>,
  store: PostgresEventStore,
  pool: pg.Pool,
): Promise<LoadedLog> {
  // The load, at bulk speed: every event decided, hashed and chained as an append would, then COPY.
  let lastReport = 0;
  const load = await bulkLoadPopulation({
    pool: store.pool,
    households: o.households,
    seed: o.seed,
    communes: o.communes,
    workers: o.workers,
    onProgress: (p) => {
      if (p.seconds - lastReport < 10) return;
      lastReport = p.seconds;
      console.log(
        `  load: ${p.households}/${o.households} households, ${p.events} events, ${Math.round(p.events / p.seconds)} events/s`,
      );
    },
  });
  await pool.query('VACUUM (ANALYZE) es_events');
  const key = signingKeyFrom(crypto.getRandomValues(new Uint8Array(32)));
  const tree = await timed(() =>
    new LogCheckpointer({ store, pool: store.pool, secretKey: key.secretKey, batchSize: 5000 }).extend({
      sign: true,
    }),
  );
  return {
    households: o.households,
    seed: o.seed,
    communes: o.communes,
    events: load.events,
    loadSeconds: load.seconds,
    treeSeconds: tree.seconds,
    loadedAt: new Date().toISOString(),
  };
}

/** Phase 2: every projection rebuilt from zero, its progress and the process's memory every 30 s. */
async function rebuildAll(
  store: PostgresEventStore,
  url: string,
  projections: ReturnType<typeof createAllProjections>,
  events: number,
): Promise<NonNullable<LoadedLog['rebuild']>> {
  let lastReport = 0;
  const done = await rebuildProjections({
    store,
    connectionString: url,
    projections,
    total: events,
    onProgress: (p) => {
      const now = performance.now();
      if (p.phase === 'replaying' && now - lastReport < 30_000) return;
      lastReport = now;
      const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
      console.log(
        `  rebuild: ${p.phase}, ${p.processed}/${p.total ?? '?'} events, ${Math.round(p.eventsPerSecond)} events/s, ${rss} MiB`,
      );
    },
  });
  return {
    events: done.events,
    seconds: done.seconds,
    eventsPerSecond: done.eventsPerSecond,
    finishedAt: new Date().toISOString(),
  };
}

async function main() {
  const o = options();
  const db = o.database
    ? { url: o.database, description: '--database', release: async () => {} }
    : await openBenchDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const store = new PostgresEventStore({ connectionString: db.url, maxPoolSize: 8 });
  let target: Awaited<ReturnType<typeof startHttpTarget>> | undefined;
  try {
    const server = (await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v;
    console.log(
      `PostgreSQL ${server} (${db.description}); ${o.households.toLocaleString('en')} households, seed ${o.seed}`,
    );
    await migrateEventStore(store.pool);
    const readModels = createReadModelDb(db.url, { max: 2 });
    await migrateReadModels(readModels);
    await readModels.destroy();

    // 1. The load, at bulk speed: every event decided, hashed and chained as an append would, then COPY.
    const asked = { households: o.households, seed: o.seed, communes: o.communes };
    let log = await loadedLog(pool, asked);
    if (log) {
      console.log(`  load and tree: done on ${log.loadedAt}, ${log.events} events; going on`);
    } else {
      log = await loadAndSign(o, store, pool);
      await recordLoadedLog(pool, log);
    }
    if (o.stopAfter === 'tree') {
      console.log(
        `stopped after the tree; go on with: pnpm simulate national --households ${o.households} --seed ${o.seed} --communes ${o.communes} --database ${db.url}`,
      );
      return;
    }
    const load = { events: log.events, seconds: log.loadSeconds };
    const tree = { seconds: log.treeSeconds };

    // 2. Every projection rebuilt from zero (once: a run that goes on from a rebuilt database measures).
    const { registry } = await loadGeography({ demo: true });
    const projections = createAllProjections(registry);
    const rebuild = log.rebuild ?? (await rebuildAll(store, db.url, projections, log.events));
    if (log.rebuild) console.log(`  rebuild: done on ${log.rebuild.finishedAt}; going on from the measurements`);
    else await recordLoadedLog(pool, { ...log, rebuild });
    await pool.query('ANALYZE');
    const disk = await sizes(pool, load.events);

    // 3. Through the gateway, as users reach it.
    const asOf = '2026-11-30';
    target = await startHttpTarget(db.url, SECRET);
    const secret = new TextEncoder().encode(SECRET);
    const bearer = async (role: 'case_worker' | 'analyst' | 'supervisor', units: string[]) => ({
      authorization: `Bearer ${await signToken(secret, { role, units, sub: `simulate-${role}` })}`,
      'content-type': 'application/json',
    });
    // New communes' codes do not start with their province's: the unit lists say which holds them.
    const provinceOf = (code: string): string => {
      const unit = registry.find(code);
      if (!unit || unit.level === 'province') return code;
      return registry.ancestors(unit).find((u) => u.level === 'province')?.code ?? code;
    };
    // The commune with most households as its unit stands today (old units roll up to their successors;
    // a household of a split commune rolls up to the province, which is not a commune's list).
    const busiest = (
      await pool.query<{ unit: string }>(
        `SELECT coalesce(unit_code_now, unit_code) AS unit FROM household_status
         GROUP BY 1 ORDER BY count(*) DESC LIMIT 50`,
      )
    ).rows
      .map((r) => r.unit)
      .find((code) => registry.find(code, asOf)?.level === 'commune') as string;
    const province = provinceOf(busiest);
    const ids = (
      await pool.query<{ id: string }>(
        // Open households (a closed one refuses commands), sampled across the nation.
        `SELECT substr(h.stream_id, 11) AS id FROM es_stream_heads h
         JOIN es_events e ON e.stream_id = h.stream_id AND e.version = h.version
         WHERE h.stream_id LIKE 'household-%' AND e.type <> 'HouseholdClosed' ORDER BY random() LIMIT 5000`,
      )
    ).rows.map((r) => r.id);
    // A case worker of every province the population lives in: reads and commands spread over them all.
    const provinces = [
      ...new Set(
        (
          await pool.query<{ unit: string }>(
            `SELECT DISTINCT coalesce(unit_code_now, unit_code) AS unit FROM household_status`,
          )
        ).rows.map((r) => provinceOf(r.unit)),
      ),
    ].sort();
    const worker = await bearer('case_worker', provinces);
    let n = 0;
    const pick = () => ids[n++ % ids.length] as string;
    const common = { url: target.gateway, connections: CONNECTIONS, duration: o.duration, headers: worker };
    const note = {
      method: 'POST' as const,
      setupRequest: (req: object) => ({
        ...req,
        path: `/v1/households/${pick()}/notes`,
        body: JSON.stringify({ text: 'Thăm hộ định kỳ' }),
      }),
    };
    const http: Record<string, LoadFigures> = {
      householdRead: await runLoad({
        ...common,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/households/${pick()}` }) }],
      }),
      unitListSearch: await runLoad({
        ...common,
        requests: [{ method: 'GET', path: `/v1/households?unitCode=${busiest}&q=nguyen&limit=20` }],
      }),
      command: await runLoad({ ...common, requests: [note] }),
      // The same at 4 connections: on two cores, 32 closed-loop connections measure mostly the queue
      // (latency ≈ connections ÷ throughput); 4 show a command's own time.
      commandAt4: await runLoad({ ...common, connections: 4, requests: [note] }),
    };
    const analyst = await bearer('analyst', []);
    const survivalProvince = await sequential(
      5,
      `${target.gateway}/v1/analytics/relapse/survival?unitCode=${province}&asOf=${asOf}`,
      analyst,
    );
    const survivalNation = await sequential(5, `${target.gateway}/v1/analytics/relapse/survival?asOf=${asOf}`, analyst);
    const report = await sequential(
      5,
      `${target.gateway}/v1/reports/balance?unitCode=${province}&year=2025`,
      await bearer('supervisor', [province]),
    );

    const met = {
      rebuild: rebuild.eventsPerSecond >= GOALS.rebuildEventsPerSecond,
      commandP99: http.command ? http.command.p99 < GOALS.commandP99Ms : false,
      survivalNation: survivalNation.max < GOALS.survivalSeconds,
    };
    console.log('');
    console.log(
      `load        ${load.events} events of ${o.households} households in ${load.seconds.toFixed(1)} s: ${Math.round(load.events / load.seconds)} events/s`,
    );
    console.log(
      `tree        built and signed in ${tree.seconds.toFixed(1)} s: ${Math.round(load.events / tree.seconds)} events/s`,
    );
    console.log(
      `rebuild     ${rebuild.events} events in ${rebuild.seconds.toFixed(1)} s: ${Math.round(rebuild.eventsPerSecond)} events/s (goal ≥ ${GOALS.rebuildEventsPerSecond}: ${met.rebuild ? 'met' : 'MISSED'})`,
    );
    console.log(
      `disk        per event: log ${disk.logBytesPerEvent} B, its indexes ${disk.logIndexBytesPerEvent} B, tree ${disk.treeBytesPerEvent} B, read models ${disk.readModelBytesPerEvent} B (${disk.totalMiB} MiB in all)`,
    );
    for (const [name, f] of Object.entries(http)) {
      console.log(
        `${name.padEnd(15)} ${name === 'commandAt4' ? 4 : CONNECTIONS} conns: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, non-2xx ${f.non2xx}`,
      );
    }
    console.log(
      `survival    province ${province}: p50 ${survivalProvince.p50} s, slowest ${survivalProvince.max} s; nation: p50 ${survivalNation.p50} s, slowest ${survivalNation.max} s (goal < ${GOALS.survivalSeconds} s: ${met.survivalNation ? 'met' : 'MISSED'})`,
    );
    console.log(`report      balance of province ${province}, 2025: p50 ${report.p50} s, slowest ${report.max} s`);
    console.log(`command p99 goal < ${GOALS.commandP99Ms} ms: ${met.commandP99 ? 'met' : 'MISSED'}`);
    if (o.keep) console.log(`database kept: ${db.url}`);
    // Figures are reported, goals too; what fails the run is a wrong answer, never a slow one.
    const failed = Object.entries(http).filter(([, f]) => f.errors > 0 || f.non2xx > 0);
    for (const [name, f] of failed) console.error(`${name}: ${f.errors} errors, ${f.non2xx} answers other than 2xx`);
    process.exitCode = failed.length > 0 ? 1 : 0;
    console.log(
      JSON.stringify({
        bench: 'simulate-national',
        households: o.households,
        events: load.events,
        loadEventsPerSecond: round(load.events / load.seconds),
        treeEventsPerSecond: round(load.events / tree.seconds),
        rebuildEventsPerSecond: round(rebuild.eventsPerSecond),
        disk,
        connections: CONNECTIONS,
        http,
        survivalProvinceSeconds: survivalProvince,
        survivalNationSeconds: survivalNation,
        provinceReportSeconds: report,
        goals: GOALS,
        met,
        server: { version: server, source: db.description },
      }),
    );
  } finally {
    await target?.stop();
    await store.close();
    await pool.end();
    if (!o.keep) await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
