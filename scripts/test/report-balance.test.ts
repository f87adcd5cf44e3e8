import { addDays } from '@benvung/domain';
import type { ScratchDatabase } from '@benvung/embedded-pg';
import { createRuntime, type Runtime, signToken } from '@benvung/gateway';
import { listUnitYearStats } from '@benvung/projections';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPopulation } from '../seed/index.js';
import { scratchDatabase } from './scratch-database.js';

/**
 * The report tables over the seeded population of `pnpm seed` (households of the demo communes,
 * 2022–2026: reviews, escapes and relapses, moves, flags, corrections, closures, communes merged and
 * split on 1 July 2025), through the real gateway: for every province, year and level each row
 * reconciles, the communes add up to the province, and the counts are those unit_year_stats and the
 * analytics routes give.
 */
const SECRET = new TextEncoder().encode('report-balance-test-secret-not-used-anywhere');
const PROVINCES = ['96', '86', '44'];
const YEARS = [2022, 2023, 2024, 2025, 2026];

let database: ScratchDatabase;
let runtime: Runtime;
let supervisor: string;
let analyst: string;

beforeAll(async () => {
  database = await scratchDatabase('report_balance');
  runtime = await createRuntime({
    databaseUrl: database.url,
    config: {
      BODY_LIMIT_BYTES: 1024 * 1024,
      RUN_PROJECTOR: true,
      DB_POOL_SIZE: 4,
      RATE_LIMIT_PER_MINUTE: 0,
      CORS_ORIGINS: [],
      DEMO_UNITS: true,
    },
    jwtSecret: SECRET,
    logger: pino({ level: 'silent' }),
  });
  await runtime.app.ready();
  await seedPopulation({ store: runtime.app.deps.store, households: 600, seed: 2_027, concurrency: 4 });
  supervisor = await signToken(SECRET, { role: 'supervisor', units: PROVINCES, sub: 'supervisor-1' }, 600);
  analyst = await signToken(SECRET, { role: 'analyst', units: [], sub: 'analyst-1' }, 600);
  const head = await runtime.app.deps.store.headPosition();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const lags = (await runtime.app.deps.projectionLag?.()) ?? [];
    if (lags.length > 0 && lags.every((l) => l.caughtUp && l.events === 0) && head) break;
    if (Date.now() > deadline) throw new Error(`the projections did not catch up: ${JSON.stringify(lags)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 240_000);
afterAll(async () => {
  await runtime?.stop();
  await database?.drop();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and checked against each other
type Json = any;
async function get(path: string, token = supervisor): Promise<Json> {
  const r = await runtime.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
  expect(r.statusCode, r.body).toBe(200);
  return JSON.parse(r.body);
}

const sum = (rows: Json[], list: 'poor' | 'nearPoor') => {
  const out: Record<string, number> = {};
  for (const r of rows)
    for (const [k, v] of Object.entries(r[list] as Record<string, number>)) out[k] = (out[k] ?? 0) + v;
  return out;
};

describe('the balance over the seeded population', () => {
  it('is a population with every kind of movement', async () => {
    const totals = await get('/v1/reports/balance?year=2025&level=province');
    expect(totals.total.poor.opening).toBeGreaterThan(5);
    const all = await Promise.all(YEARS.map((y) => get(`/v1/reports/balance?year=${y}&level=province`)));
    for (const key of ['escaped', 'newly', 'relapsed', 'movedIn', 'movedOut', 'baseline']) {
      expect(
        all.reduce((n, b) => n + b.total.poor[key], 0),
        key,
      ).toBeGreaterThan(0);
    }
  });

  it('reconciles for every province, year and level, and its communes add up to it', async () => {
    const asOf = addDays(new Date().toISOString().slice(0, 10), -1);
    for (const province of PROVINCES) {
      for (const year of YEARS) {
        // The running year as of today; past years as of yesterday (the same for a year that ended).
        const when = year < new Date().getFullYear() ? `&asOf=${asOf}&unitsOn=2026-12-06` : '&unitsOn=2026-12-06';
        const communes = await get(`/v1/reports/balance?unitCode=${province}&year=${year}${when}`);
        const whole = await get(`/v1/reports/balance?unitCode=${province}&year=${year}&level=province${when}`);
        for (const row of [...communes.rows, communes.total, ...whole.rows]) expect(row.reconciles).toBe(true);
        expect(sum(communes.rows, 'poor')).toEqual(communes.total.poor);
        expect(sum(communes.rows, 'nearPoor')).toEqual(communes.total.nearPoor);
        expect(whole.rows[0].poor).toEqual(communes.total.poor);
        expect(whole.rows[0].nearPoor).toEqual(communes.total.nearPoor);
        // Each year's end is the next year's start.
        if (year > 2022) {
          const before = await get(
            `/v1/reports/balance?unitCode=${province}&year=${year - 1}&level=province&unitsOn=2026-12-06`,
          );
          expect(whole.rows[0].poor.opening).toBe(before.rows[0].poor.closing);
        }
        // The unable-to-escape groups split the same lists, each reconciling.
        const groups = await get(`/v1/reports/breakdown?unitCode=${province}&year=${year}&by=unable_to_escape${when}`);
        for (const g of groups.total) {
          const p = g.poor;
          expect(
            p.opening -
              p.escaped -
              p.movedOut -
              p.closed +
              p.newly +
              p.relapsed +
              p.movedIn +
              p.baseline +
              p.regroupedIn -
              p.regroupedOut,
          ).toBe(p.closing);
        }
        expect(groups.total.reduce((n: number, g: Json) => n + g.poor.closing, 0)).toBe(communes.total.poor.closing);
      }
    }
  });

  it('counts what unit_year_stats counts for the codes each province covers, and what the analytics routes give', async () => {
    const db = runtime.app.deps.readModels;
    for (const province of PROVINCES) {
      const codes = [...runtime.app.geography.expandOn(province, '2026-12-06')];
      const stats = await listUnitYearStats(db, { unitCodes: codes, fromYear: 2022, toYear: 2026 });
      const flows = (await get(`/v1/analytics/units/${province}?fromYear=2022&toYear=2026&asOf=2026-12-06`, analyst))
        .flows;
      for (const year of YEARS) {
        const balance = (
          await get(`/v1/reports/balance?unitCode=${province}&year=${year}&level=province&unitsOn=2026-12-06`)
        ).rows[0];
        const of = stats.filter((s) => s.year === year);
        const total = (c: 'escaped' | 'relapsed' | 'newly_poor' | 'closing_poor' | 'escaped_near_poverty') =>
          of.reduce((n, s) => n + s[c], 0);
        expect(balance.poor.escaped, `${province} ${year}`).toBe(total('escaped'));
        expect(balance.poor.relapsed).toBe(total('relapsed'));
        expect(balance.poor.newly).toBe(total('newly_poor'));
        expect(balance.poor.closing).toBe(total('closing_poor'));
        expect(balance.nearPoor.escaped).toBe(total('escaped_near_poverty'));
        const flow = flows.find((f: Json) => f.year === year);
        for (const [key, field] of [
          ['escaped', 'escaped'],
          ['relapsed', 'relapsed'],
          ['newly', 'newlyPoor'],
        ] as const) {
          // Withheld below 5 for analysts: compared where published.
          if (flow?.[field] !== null && flow?.[field] !== undefined) expect(balance.poor[key]).toBe(flow[field]);
        }
      }
    }
  });
});
