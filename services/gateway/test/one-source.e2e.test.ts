import { LIST_BALANCE, listRelapseEpisodes, listUnitYearStats, yearEndStatuses } from '@benvung/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, startGateway } from './helpers.js';

/**
 * One definition of every transition, one episode rule: households driven through every transition
 * (five copies of each path, so no figure falls under the suppression threshold), one review voided
 * in the middle of a path, and then unit_year_stats, the units route, the transitions route, the
 * episodes and survival must all give the same counts.
 */

const POOR = { incomePerCapitaVnd: 1_200_000, deprivations: ['employment', 'water', 'sanitation'] };
const NEAR_POOR = { incomePerCapitaVnd: 1_300_000, deprivations: ['water'] };
const NON_POOR = { incomePerCapitaVnd: 3_000_000, deprivations: [] };
type Finding = typeof POOR;
const review = (effectiveDate: string, finding: Finding) => ({
  reviewType: effectiveDate.slice(5) >= '09-01' ? 'periodic' : 'regular',
  effectiveDate,
  ...finding,
});

/** Each path: its reviews (and a closure) in date order. */
const PATHS: Record<string, Array<Record<string, unknown> | { close: string }>> = {
  // newly poor → escaped to near-poor → escaped near-poverty → relapsed (tái nghèo)
  relapse: [
    review('2022-03-10', POOR),
    review('2022-11-10', NEAR_POOR),
    review('2023-10-10', NON_POOR),
    review('2024-10-10', POOR),
  ],
  // newly near-poor → escaped near-poverty → newly poor: never poor before, so no relapse
  nearThenPoor: [review('2022-03-10', NEAR_POOR), review('2022-11-10', NON_POOR), review('2023-10-10', POOR)],
  // newly poor → escaped → newly near-poor: never escaped near-poverty, so no relapse into it
  poorThenNear: [review('2022-03-10', POOR), review('2022-11-10', NON_POOR), review('2023-10-10', NEAR_POOR)],
  // newly near-poor → escaped near-poverty → relapsed into near-poverty (tái cận nghèo)
  nearRelapse: [review('2022-03-10', NEAR_POOR), review('2022-11-10', NON_POOR), review('2023-10-10', NEAR_POOR)],
  // on the poor list when follow-up began (baseline) → escaped
  baseline: [
    { reviewType: 'baseline', effectiveDate: '2022-01-05', listYear: 2022, ...POOR },
    review('2023-10-10', NON_POOR),
  ],
  // newly poor, then closed while poor
  closed: [review('2022-03-10', POOR), { close: '2023-06-01' }],
  // newly poor → escaped → relapsed; then the first review is voided (see below)
  voided: [review('2022-03-10', POOR), review('2022-11-10', NON_POOR), review('2023-10-10', POOR)],
  // newly poor and never reviewed again: on the poor list at every year's end
  carriedOver: [review('2022-03-10', POOR)],
};
const COPIES = 5;
const ASOF = '2025-12-31';

let gw: RunningGateway;
let analyst: Record<string, string>;

beforeAll(async () => {
  gw = await startGateway();
  const worker = await authHeaders('case_worker', ['96']);
  const supervisor = await authHeaders('supervisor', ['96']);
  analyst = await authHeaders('analyst', []);
  const post = (path: string, body: unknown, headers = worker) => postCreated(gw.baseUrl, path, body, headers);
  let position = '';
  let lastId = '';
  for (const [name, steps] of Object.entries(PATHS)) {
    for (let copy = 0; copy < COPIES; copy++) {
      const { householdId } = await post('/v1/households', {
        head: { fullName: `Hộ ${name} ${copy}` },
        memberCount: 4,
        area: 'rural',
        unitCode: '96101',
        occurredAt: '2022-01-03',
      });
      const id = householdId as string;
      const reviewIds: string[] = [];
      for (const step of steps) {
        const answer =
          'close' in step
            ? await post(`/v1/households/${id}/closure`, { reason: 'moved_away', occurredAt: step.close }, supervisor)
            : await post(`/v1/households/${id}/assessments`, step);
        position = answer.position as string;
        const eventIds = answer.eventIds as string[] | undefined;
        if (eventIds?.[0]) reviewIds.push(eventIds[0]);
      }
      if (name === 'voided') {
        const history = await fetch(`${gw.baseUrl}/v1/households/${id}/history`, { headers: worker });
        const events = ((await history.json()) as { events: Array<{ eventId: string; type: string }> }).events;
        const first = events.find((e) => e.type === 'HouseholdAssessed');
        const voided = await post(
          `/v1/households/${id}/corrections`,
          { action: 'void', eventId: first?.eventId, reason: 'Nhầm hộ', occurredAt: '2024-01-15' },
          supervisor,
        );
        position = voided.position as string;
      }
      lastId = id;
    }
  }
  const wait = await fetch(`${gw.baseUrl}/v1/households/${lastId}`, {
    headers: { ...worker, 'x-wait-for-position': position },
  });
  expect(wait.status).toBe(200);
}, 240_000);
afterAll(async () => {
  await gw?.close();
});

const get = async (path: string) => {
  const r = await fetch(`${gw.baseUrl}${path}`, { headers: analyst });
  const body = (await r.json()) as Record<string, unknown>;
  expect(r.status, JSON.stringify(body)).toBe(200);
  return body;
};

/** The expected movements per year, from the paths above (five households each). */
const EXPECTED = {
  2022: {
    newly_poor: 20,
    escaped: 10,
    escaped_to_near_poor: 5,
    poor_baseline: 5,
    newly_near_poor: 10,
    near_poor_from_poor: 5,
    escaped_near_poverty: 10,
    relapsed: 0,
    closing_poor: 15,
    closing_near_poor: 5,
  },
  2023: {
    newly_poor: 10,
    escaped: 5,
    newly_near_poor: 5,
    relapsed_near_poverty: 5,
    escaped_near_poverty: 5,
    poor_closed: 5,
    relapsed: 0,
    closing_poor: 15,
    closing_near_poor: 10,
  },
  2024: { newly_poor: 0, escaped: 0, relapsed: 5, closing_poor: 20, closing_near_poor: 10 },
  2025: { newly_poor: 0, escaped: 0, relapsed: 0, closing_poor: 20, closing_near_poor: 10 },
} as const;

describe('one source for every count', () => {
  it('unit_year_stats counts each transition as the domain defines it, the void re-derived, and balances each year', async () => {
    const rows = await listUnitYearStats(gw.runtime.app.deps.readModels, { unitCodes: ['96101'], toYear: 2025 });
    const byYear = Object.fromEntries(rows.map((r) => [r.year, r]));
    for (const [year, expected] of Object.entries(EXPECTED)) expect(byYear[year], year).toMatchObject(expected);
    for (const r of rows) {
      for (const list of ['poor', 'near_poor'] as const) {
        const joins = LIST_BALANCE[list].joins.reduce((n, c) => n + r[c], 0);
        const leaves = LIST_BALANCE[list].leaves.reduce((n, c) => n + r[c], 0);
        expect(r[`opening_${list}`] + joins - leaves, `${list} ${r.year}`).toBe(r[`closing_${list}`]);
      }
    }
  });

  it('the year-end lists are the households whose latest review in force on 31 December says so', async () => {
    const standings = await yearEndStatuses(gw.runtime.app.deps.readModels, { fromYear: 2022, toYear: 2025 });
    for (const [year, expected] of Object.entries(EXPECTED)) {
      const at = (s: string) => standings.filter((x) => x.year === Number(year) && x.status === s).length;
      expect([at('poor'), at('near_poor')], year).toEqual([expected.closing_poor, expected.closing_near_poor]);
    }
  });

  it('the units route gives unit_year_stats’ escaped, relapsed and newly poor', async () => {
    const body = await get(`/v1/analytics/units/96?asOf=${ASOF}&fromYear=2022&toYear=2025`);
    const flows = body.flows as Array<Record<string, unknown>>;
    expect(flows.map((f) => [f.year, f.escaped, f.relapsed, f.newlyPoor])).toEqual(
      Object.entries(EXPECTED).map(([year, e]) => [Number(year), e.escaped, e.relapsed, e.newly_poor]),
    );
  });

  it('the transitions route pairs the same year-end lists', async () => {
    const body = await get('/v1/analytics/transitions?fromYear=2022&toYear=2025');
    const byYear = body.byYear as Array<{
      fromYear: number;
      rows: Array<{ from: string; total: number | null; cells: Array<{ to: string; count: number | null }> }>;
    }>;
    for (const m of byYear) {
      const into = (to: string) => m.rows.reduce((n, r) => n + (r.cells.find((c) => c.to === to)?.count ?? 0), 0);
      const next = EXPECTED[(m.fromYear + 1) as keyof typeof EXPECTED];
      // Every household on a list at the end of year Y+1 was followed at the end of Y too (none joined later).
      expect([into('poor'), into('near_poor')], String(m.fromYear)).toEqual([
        next.closing_poor,
        next.closing_near_poor,
      ]);
    }
    const first = byYear.find((m) => m.fromYear === 2022);
    const poorRow = first?.rows.find((r) => r.from === 'poor');
    // Poor at the end of 2022: the baseline and carried-over households, and the 5 closed in 2023 (no 2023 standing).
    expect(poorRow?.total).toBe(EXPECTED[2022].closing_poor - 5);
  });

  it('the episodes and survival count the same escapes from poverty and relapses', async () => {
    const episodes = (await listRelapseEpisodes(gw.runtime.app.deps.readModels, { escapeFrom: 'poor' })).filter(
      (e) => e.escape_date <= ASOF,
    );
    const count = (test: (e: (typeof episodes)[number]) => boolean) => episodes.filter(test).length;
    for (const [year, expected] of Object.entries(EXPECTED)) {
      expect(
        count((e) => e.escape_date.startsWith(year)),
        `escapes ${year}`,
      ).toBe(expected.escaped);
      expect(
        count((e) => e.relapse_poor_date?.startsWith(year) ?? false),
        `relapses ${year}`,
      ).toBe(expected.relapsed);
    }
    const survival = await get(`/v1/analytics/relapse/survival?asOf=${ASOF}`);
    const [all] = survival.groups as Array<{ n: number; events: number }>;
    const total = (k: 'escaped' | 'relapsed') => Object.values(EXPECTED).reduce((n, e) => n + e[k], 0);
    expect(all).toMatchObject({ n: total('escaped'), events: total('relapsed') });
  });
});
