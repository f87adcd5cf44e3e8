import { defaultUnitRegistry } from '@benvung/domain';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BalanceGrouping,
  type BalanceRow,
  LIST_BALANCE,
  listBalances,
  listUnitYearStats,
  MOVEMENT_COUNTS,
  type RollupEntry,
  yearEndStatuses,
} from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { appendYear, PHASES, SyntheticHousehold } from './synthetic-population.js';

/**
 * A property over seeded populations (the synthetic generator: reviews with escapes and relapses,
 * moves between old and new communes, flags, voids, amendments, closures, over 2022–2025): for every
 * unit, year, list and grouping the balance reconciles, a province's balance is the sum of its units',
 * and the counts agree with the other read models built from the same folds (unit_year_stats, the
 * year-end standings behind the transition matrices, the relapse episodes behind survival).
 */
const SEEDS = [11, 2_024, 90_210];
const YEARS = [2022, 2023, 2024, 2025, 2026];
const GROUPINGS: BalanceGrouping[] = ['none', 'area', 'ethnic_minority', 'unable_to_escape'];
const ALWAYS = { from: '0001-01-01', to: '9999-12-31' };

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

async function population(seed: number): Promise<Harness> {
  const h = await openHarness(`report_balance_${seed}`);
  harnesses.push(h);
  const households = Array.from({ length: 250 }, (_, i) => new SyntheticHousehold(seed * 1_000 + i));
  for (const year of PHASES) {
    await appendYear(h.store, households, year);
  }
  await catchUp(h, { batchSize: 211 });
  return h;
}

const key = (r: Pick<BalanceRow, 'row' | 'list' | 'group'>) => `${r.row}|${r.list}|${r.group}`;

/** start − leavers + joiners (± households changing group) = end. */
function reconciles(r: BalanceRow): boolean {
  const { joins, leaves } = LIST_BALANCE[r.list];
  const joined = joins.reduce((n, c) => n + r.counts[c as (typeof MOVEMENT_COUNTS)[number]], 0);
  const left = leaves.reduce((n, c) => n + r.counts[c as (typeof MOVEMENT_COUNTS)[number]], 0);
  return r.opening + joined - left + r.regroupedIn - r.regroupedOut === r.closing;
}

/** Rows summed by a key of theirs. */
function sumBy(rows: readonly BalanceRow[], by: (r: BalanceRow) => string): Map<string, BalanceRow> {
  const out = new Map<string, BalanceRow>();
  for (const r of rows) {
    const k = by(r);
    const acc = out.get(k) ?? {
      ...r,
      opening: 0,
      closing: 0,
      regroupedIn: 0,
      regroupedOut: 0,
      counts: Object.fromEntries(MOVEMENT_COUNTS.map((c) => [c, 0])) as BalanceRow['counts'],
    };
    acc.opening += r.opening;
    acc.closing += r.closing;
    acc.regroupedIn += r.regroupedIn;
    acc.regroupedOut += r.regroupedOut;
    for (const c of MOVEMENT_COUNTS) acc.counts[c] += r.counts[c];
    out.set(k, acc);
  }
  return out;
}

const strip = (r: BalanceRow | undefined) => r && { opening: r.opening, closing: r.closing, counts: r.counts };

describe.each(SEEDS)('the year-end balance over seeded population %i', (seed) => {
  let h: Harness;
  let codes: string[];
  let byCode: RollupEntry[];
  let byProvince: RollupEntry[];

  it('is built on a population with every kind of movement', async () => {
    h = await population(seed);
    codes = (
      await sql<{ unit_code: string }>`SELECT DISTINCT unit_code FROM list_movements ORDER BY 1`.execute(h.db)
    ).rows.map((r) => r.unit_code);
    byCode = codes.map((code) => ({ code, ...ALWAYS, row: code }));
    // Old codes roll up to the provinces of today, as the reports roll them up.
    byProvince = codes.map((code) => {
      const unit = defaultUnitRegistry.unitAsOf(code, '2026-12-31');
      const province =
        unit?.level === 'province'
          ? unit.code
          : ((unit && defaultUnitRegistry.ancestors(unit, '2026-12-31').find((u) => u.level === 'province')?.code) ??
            code);
      return { code, ...ALWAYS, row: province };
    });
    const reasons = new Set(
      (await sql<{ reason: string }>`SELECT DISTINCT reason FROM list_movements`.execute(h.db)).rows.map(
        (r) => r.reason,
      ),
    );
    for (const reason of ['newly_poor', 'relapsed', 'escaped', 'poor_closed', 'regrouped', 'newly_near_poor']) {
      expect(reasons, reason).toContain(reason);
    }
    expect([...reasons].filter((r) => r.endsWith('_moved_out') || r.endsWith('_moved_in')).length).toBeGreaterThan(0);
    expect(new Set(byProvince.map((e) => e.row)).size).toBeLessThan(codes.length);
  });

  it('reconciles for every unit, year, list and grouping, and carries each year’s end to the next year’s start', async () => {
    for (const by of GROUPINGS) {
      const years = await Promise.all(YEARS.map((year) => listBalances(h.db, { rollup: byCode, year, by })));
      for (const [i, rows] of years.entries()) {
        for (const r of rows) expect(reconciles(r), `${by} ${YEARS[i]} ${key(r)}`).toBe(true);
        const next = new Map((years[i + 1] ?? []).map((r) => [key(r), r]));
        if (i + 1 < years.length) for (const r of rows) expect(next.get(key(r))?.opening ?? 0).toBe(r.closing);
      }
      // Every grouping splits the same totals.
      const whole = await listBalances(h.db, { rollup: byCode, year: 2024, by: 'none' });
      const split = sumBy(await listBalances(h.db, { rollup: byCode, year: 2024, by }), (r) => `${r.row}|${r.list}|`);
      for (const r of whole) expect(strip(split.get(key(r))), `${by} ${key(r)}`).toEqual(strip(r));
    }
  });

  it('gives each province the sum of its units', async () => {
    for (const year of YEARS) {
      for (const by of GROUPINGS) {
        const units = await listBalances(h.db, { rollup: byCode, year, by });
        const provinces = await listBalances(h.db, { rollup: byProvince, year, by });
        const provinceOf = new Map(byProvince.map((e) => [e.code, e.row]));
        const summed = sumBy(units, (r) => `${provinceOf.get(r.row)}|${r.list}|${r.group}`);
        expect(provinces.length).toBe(summed.size);
        for (const p of provinces) expect(strip(summed.get(key(p))), `${year} ${by} ${key(p)}`).toEqual(strip(p));
      }
    }
  });

  it('counts what unit_year_stats counts, and ends each year with the standings the transition matrices read', async () => {
    const stats = await listUnitYearStats(h.db, { unitCodes: codes, fromYear: 2022, toYear: 2026 });
    const standings = await yearEndStatuses(h.db, { unitCodes: codes, fromYear: 2022, toYear: 2026 });
    for (const year of YEARS) {
      const rows = new Map(
        (await listBalances(h.db, { rollup: byCode, year, by: 'none' })).map((r) => [`${r.row}|${r.list}`, r]),
      );
      for (const s of stats.filter((s) => s.year === year)) {
        const poor = rows.get(`${s.unit_code}|poor`);
        const nearPoor = rows.get(`${s.unit_code}|near_poor`);
        expect(poor?.closing ?? 0).toBe(s.closing_poor);
        expect(nearPoor?.closing ?? 0).toBe(s.closing_near_poor);
        for (const c of MOVEMENT_COUNTS) {
          const list =
            c.startsWith('near_poor') || c.includes('near_poverty') || c === 'newly_near_poor' ? nearPoor : poor;
          expect(list?.counts[c] ?? 0, `${s.unit_code} ${year} ${c}`).toBe(s[c]);
        }
      }
      for (const code of codes) {
        const poor = standings.filter((s) => s.year === year && s.status === 'poor');
        const inUnit = await yearEndStatuses(h.db, { unitCodes: [code], fromYear: year, toYear: year });
        expect(inUnit.filter((s) => s.status === 'poor').length).toBe(rows.get(`${code}|poor`)?.closing ?? 0);
        expect(inUnit.filter((s) => s.status === 'near_poor').length).toBe(rows.get(`${code}|near_poor`)?.closing ?? 0);
        expect(poor.length).toBeGreaterThanOrEqual(rows.get(`${code}|poor`)?.closing ?? 0);
      }
    }
  });

  it('counts the escapes and relapses the relapse episodes (survival analytics) are made of', async () => {
    const episodes = await sql<{ unit_code: string; year: number; from: string; n: number }>`
      SELECT unit_code, cohort AS year, escape_from AS from, count(*)::int AS n
      FROM relapse_episodes GROUP BY 1, 2, 3`.execute(h.db);
    const relapses = await sql<{ year: number; n: number }>`
      SELECT extract(year FROM relapse_poor_date)::int AS year, count(*)::int AS n
      FROM relapse_episodes WHERE escape_from = 'poor' AND relapse_poor_date IS NOT NULL GROUP BY 1`.execute(h.db);
    for (const year of YEARS) {
      const rows = await listBalances(h.db, { rollup: byCode, year, by: 'none' });
      for (const code of codes) {
        const count = (from: string) =>
          episodes.rows.find((e) => e.unit_code === code && e.year === year && e.from === from)?.n ?? 0;
        const poor = rows.find((r) => r.row === code && r.list === 'poor');
        const nearPoor = rows.find((r) => r.row === code && r.list === 'near_poor');
        expect(poor?.counts.escaped ?? 0, `${code} ${year}`).toBe(count('poor'));
        expect(nearPoor?.counts.escaped_near_poverty ?? 0, `${code} ${year}`).toBe(count('near_poor'));
      }
      const relapsed = rows.filter((r) => r.list === 'poor').reduce((n, r) => n + r.counts.relapsed, 0);
      expect(relapsed, `${year}`).toBe(relapses.rows.find((r) => r.year === year)?.n ?? 0);
    }
  });
});
