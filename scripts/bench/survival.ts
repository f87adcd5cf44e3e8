/**
 * `pnpm bench survival`: relapse survival over 1,000,000 episodes (BENCH_EPISODES to change it),
 * answered by the real gateway over HTTP to an analyst, against a baseline on the same server:
 * PostgreSQL alone scanning the same episodes and aggregating them the way the endpoint asks for
 * them (the least any implementation reading them from the database must do).
 *
 * The episodes are generated in the database (escapes 2022–2025, about a third relapsing within
 * three years, some closed, six support-kind combinations, demo communes old and new), in a scratch
 * database of DATABASE_URL's server or of an embedded PostgreSQL. Each query runs once to warm up,
 * then ROUNDS times; medians are reported. Target: every grouping under 2 s. Last line: JSON.
 */
import { performance } from 'node:perf_hooks';
import { createRuntime, signToken } from '@benvung/gateway';
import pg from 'pg';
import { pino } from 'pino';
import { openBenchDatabase } from './lib/bench-database.js';
import { median, round } from './lib/measure.js';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const AS_OF = '2026-06-30';
const TARGET_MS = 2000;
const GROUPINGS = ['none', 'supportKind', 'province', 'cohort', 'area'] as const;

/** Fills relapse_episodes server-side: deterministic (hashes of the row number), no client round trips. */
async function fillEpisodes(pool: pg.Pool): Promise<void> {
  await pool.query(
    `
    INSERT INTO relapse_episodes (household_id, escape_event_id, escape_date, escape_from, escape_to,
      relapse_poor_date, relapse_listed_date, closed_date, support_kinds, area, unit_code,
      province_then, province_now, unit_code_now, cohort)
    SELECT md5('h' || (i / 2))::uuid, md5('e' || i)::uuid, esc, 'poor', 'non_poor',
           CASE WHEN r % 3 = 0 THEN esc + (r % 1000) END,
           CASE WHEN r % 3 = 0 THEN esc + (r % 700) END,
           CASE WHEN r % 17 = 0 THEN esc + (r % 1500) END,
           (ARRAY['none', 'loan', 'training', 'loan+training', 'livelihood', 'housing+loan'])[1 + r % 6],
           CASE WHEN r % 4 = 0 THEN 'urban' ELSE 'rural' END,
           u.code, u.province_then, u.province_now, u.code_now, extract(year FROM esc)::int
    FROM (
      SELECT i, abs(hashtext('r' || i)) AS r,
             DATE '2022-11-15' + (abs(hashtext('d' || i)) % 4) * 365 + (abs(hashtext('x' || i)) % 40) AS esc
      FROM generate_series(1, $1::int) AS i
    ) g
    CROSS JOIN LATERAL (
      SELECT * FROM (VALUES
        ('96101', '96', '96', '96001'), ('96001', '96', '96', '96001'), ('86101', '86', '86', '86001'),
        ('86001', '86', '86', '86001'), ('44101', '44', '44', '44001'), ('44001', '44', '44', '44001')
      ) AS t(code, province_then, province_now, code_now)
      OFFSET (g.r % 6) LIMIT 1
    ) u`,
    [EPISODES],
  );
  await pool.query('ANALYZE relapse_episodes');
}

/** The baseline: the same rows scanned and aggregated by PostgreSQL, nothing else. */
const BASELINE = `
  SELECT support_kinds, (COALESCE(CASE WHEN relapse_poor_date <= $1::date THEN relapse_poor_date END,
           LEAST(CASE WHEN closed_date <= $1::date THEN closed_date END, $1::date)) - escape_date)::int AS time,
         relapse_poor_date <= $1::date AS event, count(*)
  FROM relapse_episodes WHERE escape_from = 'poor' AND escape_date <= $1::date GROUP BY 1, 2, 3`;

async function timed(fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const bench = await openBenchDatabase();
const secret = new TextEncoder().encode('benvung-bench-survival-secret-0123456789');
const runtime = await createRuntime({
  databaseUrl: bench.url,
  config: {
    BODY_LIMIT_BYTES: 1 << 20,
    RUN_PROJECTOR: false,
    DB_POOL_SIZE: 4,
    RATE_LIMIT_PER_MINUTE: 0,
    CORS_ORIGINS: [],
    DEMO_UNITS: true,
  },
  jwtSecret: secret,
  logger: pino({ level: 'warn' }),
});
const pool = new pg.Pool({ connectionString: bench.url, max: 2 });
try {
  console.log(`survival over ${EPISODES.toLocaleString('en')} episodes on ${bench.description}`);
  const t0 = performance.now();
  await fillEpisodes(pool);
  console.log(`generated in ${round((performance.now() - t0) / 1000, 1)} s`);

  const base = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const token = await signToken(secret, { role: 'analyst', units: [], sub: 'bench-analyst' }, 3600);
  const baselineMs = await timed(async () => {
    await pool.query(BASELINE, [AS_OF]);
  });
  const rows: Array<{ groupBy: string; groups: number; ms: number; ratio: number }> = [];
  for (const groupBy of GROUPINGS) {
    let groups = 0;
    const ms = await timed(async () => {
      const r = await fetch(`${base}/v1/analytics/relapse/survival?groupBy=${groupBy}&asOf=${AS_OF}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (r.status !== 200) throw new Error(`survival ${groupBy}: ${r.status} ${await r.text()}`);
      const body = (await r.json()) as { groups: Array<{ n: number | null }> };
      groups = body.groups.length;
      const n = body.groups.reduce((sum, g) => sum + (g.n ?? 0), 0);
      if (n === 0) throw new Error(`survival ${groupBy}: no episodes counted`);
    });
    rows.push({ groupBy, groups, ms: round(ms, 1), ratio: round(baselineMs / ms, 3) });
  }
  console.log(`baseline (PostgreSQL scan + aggregate alone): ${round(baselineMs, 1)} ms`);
  console.table(rows.map((r) => ({ ...r, under2s: r.ms < TARGET_MS })));
  const worst = Math.max(...rows.map((r) => r.ms));
  console.log(
    JSON.stringify({
      bench: 'survival',
      episodes: EPISODES,
      baselineMs: round(baselineMs, 1),
      oursMs: Object.fromEntries(rows.map((r) => [r.groupBy, r.ms])),
      worstMs: worst,
      ratio: round(baselineMs / worst, 3),
      targetMs: TARGET_MS,
      met: worst < TARGET_MS,
    }),
  );
} finally {
  await pool.end();
  await runtime.stop();
  await bench.release();
}
