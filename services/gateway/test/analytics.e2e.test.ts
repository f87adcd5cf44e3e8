import { readFileSync } from 'node:fs';
import { kaplanMeier, roundToMonth } from '@benvung/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, startGateway } from './helpers.js';

/**
 * R's survival on the aml data set, published end to end: each aml observation becomes a household
 * registered, assessed poor, given support, assessed non-poor (the escape) and — for an event — poor
 * again `time` days later; a censored one is closed `time` days after its escape. The two aml groups
 * become the two areas. Published, the curve is R's read at the ends of its bands; the groups have 1 to 4
 * households that did not relapse, so only their n is shown.
 */
// The golden files live with the analytics tests (see packages/analytics/test/golden/survival/README.md).
const golden = new URL('../../../packages/analytics/test/golden/survival/', import.meta.url);
const aml = readFileSync(new URL('aml.csv', golden), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [time, status, group] = line.split(',');
    return { time: Number(time), event: status === '1', group: group as string };
  });
const AREA: Record<string, string> = { Maintained: 'rural', Nonmaintained: 'urban' };
const ESCAPE = '2023-06-01';
/** Days to relapse of three more households, in another province: a group too small to publish. */
const SMALL_GROUP = [30, 60, 90];
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let gw: RunningGateway;
let analyst: Record<string, string>;
const names: string[] = [];
const ids: string[] = [];

beforeAll(async () => {
  gw = await startGateway();
  const worker = await authHeaders('case_worker', ['96', '86']);
  const supervisor = await authHeaders('supervisor', ['96', '86']);
  analyst = await authHeaders('analyst', []);
  const post = (path: string, body: unknown, headers = worker) => postCreated(gw.baseUrl, path, body, headers);
  let position = '';
  const small = [
    ...aml.map((o) => ({ ...o, unitCode: '96101' })),
    ...SMALL_GROUP.map((time) => ({ time, event: true, group: 'Maintained', unitCode: '86101' })),
  ];
  for (const [i, o] of small.entries()) {
    const name = `Nguyễn Thị Kiểm Tra ${i}`;
    names.push(name);
    const { householdId } = await post('/v1/households', {
      head: { fullName: name, nationalId: `0961800${String(i).padStart(5, '0')}` },
      memberCount: 4,
      area: AREA[o.group],
      unitCode: o.unitCode,
      occurredAt: '2023-01-15',
    });
    ids.push(householdId as string);
    const base = `/v1/households/${householdId}`;
    await post(`${base}/assessments`, {
      reviewType: 'regular',
      effectiveDate: '2023-02-01',
      incomePerCapitaVnd: 1_000_000,
      deprivations: ['health_insurance', 'water', 'sanitation'],
    });
    await post(`${base}/support-actions`, {
      kind: 'training',
      trainingId: `T${i}`,
      course: 'Trồng lúa',
      occurredAt: '2023-03-01',
    });
    await post(`${base}/assessments`, {
      reviewType: 'regular',
      effectiveDate: ESCAPE,
      incomePerCapitaVnd: 2_500_000,
      deprivations: [],
    });
    const end = addDays(ESCAPE, o.time);
    const last = o.event
      ? await post(`${base}/assessments`, {
          reviewType: 'regular',
          effectiveDate: end,
          incomePerCapitaVnd: 900_000,
          deprivations: ['health_insurance', 'water', 'sanitation'],
        })
      : await post(`${base}/closure`, { reason: 'moved_away', occurredAt: end }, supervisor);
    position = last.position as string;
  }
  // Wait until the projections have seen the last command.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await fetch(`${gw.baseUrl}/v1/households/${ids.at(-1)}`, {
      headers: { ...worker, 'x-wait-for-position': position },
    });
    if (r.status === 200) break;
    if (Date.now() > deadline) throw new Error('projections did not catch up');
  }
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

describe('relapse survival end to end', () => {
  for (const confType of ['log', 'log-log', 'plain'] as const) {
    it(`publishes R's survfit for aml at the ends of its bands (conf.type = ${confType})`, async () => {
      const r = await fetch(
        `${gw.baseUrl}/v1/analytics/relapse/survival?unitCode=96&asOf=2026-01-01&confType=${confType}`,
        { headers: analyst },
      );
      expect(r.status).toBe(200);
      const body = (await r.json()) as {
        asOf: string;
        groups: Array<{ n: number; events: number; median: number | null; table: Array<Record<string, number>> }>;
      };
      // The library's curve is R's (packages/analytics/test/golden); the answer reads it at band ends.
      const km = kaplanMeier(aml, { confType });
      const curve = body.groups[0];
      expect(body.asOf).toBe('2025-12-31');
      expect(curve).toMatchObject({ n: aml.length, events: km.events, median: roundToMonth(km.median) });
      let nRisk = aml.length;
      for (const row of curve?.table ?? []) {
        const at = km.table.filter((k) => k.time <= (row.time ?? 0)).at(-1);
        expect(row.survival).toBeCloseTo(at?.survival ?? 1, 10);
        if (at?.lower !== null && at?.lower !== undefined) expect(row.lower).toBeCloseTo(at.lower, 10);
        expect(row.nRisk).toBe(nRisk);
        for (const v of [row.nEvent, row.nCensor]) expect(v === 0 || (v ?? 0) >= 5).toBe(true);
        nRisk -= (row.nEvent ?? 0) + (row.nCensor ?? 0);
      }
      expect(nRisk).toBe(0);
    });
  }

  it('withholds the aml groups that have 1 to 4 non-relapsed households, keeping n', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/analytics/relapse/survival?groupBy=area&unitCode=96&asOf=2026-01-01`, {
      headers: analyst,
    });
    const body = (await r.json()) as { groups: Array<{ key: string; n: number | null; withheld: string | null }> };
    for (const g of body.groups) expect(g).toMatchObject({ withheld: 'few_events' });
    expect(body.groups.map((g) => g.n).sort()).toEqual([11, 12]);
  });

  it('shows an analyst no personal field in any analytics response or export', async () => {
    const paths = [
      '/v1/analytics/relapse/survival?groupBy=supportKind&asOf=2026-01-01',
      '/v1/analytics/relapse/survival?groupBy=province&asOf=2026-01-01',
      '/v1/analytics/relapse/survival.svg?groupBy=cohort&asOf=2026-01-01',
      '/v1/analytics/cohorts?asOf=2026-01-01',
      '/v1/analytics/relapse/episodes.csv?asOf=2026-01-01',
    ];
    for (const path of paths) {
      const r = await fetch(`${gw.baseUrl}${path}`, { headers: analyst });
      expect(r.status, path).toBe(200);
      const text = await r.text();
      for (const secret of [...names, ...ids, '0961800']) expect(text, path).not.toContain(secret);
    }
    const csv = await (
      await fetch(`${gw.baseUrl}/v1/analytics/relapse/episodes.csv?asOf=2026-01-01`, { headers: analyst })
    ).text();
    const lines = csv.trim().split('\n');
    // A header, the rows that 5 households share, and what was withheld: the small unit 86101 whole.
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => !l.includes(',86101,'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^# withheld: units=1 groups=\d+/);
    // Stable pseudonyms: the same key gives the same column twice.
    const again = await (
      await fetch(`${gw.baseUrl}/v1/analytics/relapse/episodes.csv?asOf=2026-01-01`, { headers: analyst })
    ).text();
    expect(again).toBe(csv);
  });

  it('withholds groups of fewer than 5 households, marked and not dropped', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/analytics/relapse/survival?groupBy=province&asOf=2026-01-01`, {
      headers: analyst,
    });
    const body = (await r.json()) as {
      groups: Array<{ key: string; suppressed: boolean; withheld: string | null; n: number | null }>;
    };
    expect(body.groups.find((g) => g.key === '86')).toMatchObject({ suppressed: true, withheld: 'small', n: null });
    expect(body.groups.find((g) => g.key === '96')).toMatchObject({ n: aml.length });
  });
});
