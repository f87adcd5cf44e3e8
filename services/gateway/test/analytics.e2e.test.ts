import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, startGateway } from './helpers.js';

/**
 * R's survival on the aml data set, reproduced end to end: each aml observation becomes a household
 * registered, assessed poor, given support, assessed non-poor (the escape) and — for an event — poor
 * again `time` days later; a censored one is closed `time` days after its escape. The two aml groups
 * become the two areas, so groupBy=area must give R's curves.
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
const expected = JSON.parse(readFileSync(new URL('aml.expected.json', golden), 'utf8')) as {
  conf_types: Record<
    string,
    { table: Array<Record<string, number | string | null>>; medians: Array<Record<string, number | string | null>> }
  >;
  logrank: { chisq: number; df: number; p: number };
};
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
  for (const confType of ['log', 'log-log', 'plain']) {
    it(`matches R's survfit for aml (conf.type = ${confType})`, async () => {
      const r = await fetch(
        `${gw.baseUrl}/v1/analytics/relapse/survival?groupBy=area&unitCode=96&asOf=2026-01-01&confType=${confType}`,
        { headers: analyst },
      );
      expect(r.status).toBe(200);
      const body = (await r.json()) as {
        groups: Array<{
          key: string;
          n: number;
          events: number;
          median: number | null;
          medianLower: number | null;
          medianUpper: number | null;
          table: Array<Record<string, number | null>>;
        }>;
        logRank: { chisq: number; df: number; p: number };
      };
      const golden = expected.conf_types[confType];
      for (const [group, area] of Object.entries(AREA)) {
        const curve = body.groups.find((g) => g.key === area);
        const rows = golden?.table.filter((row) => row.group === group) ?? [];
        expect(curve?.table).toHaveLength(rows.length);
        rows.forEach((row, i) => {
          const got = curve?.table[i] ?? {};
          expect(got.time).toBe(row.time);
          expect(got.nRisk).toBe(row.n_risk);
          expect(got.nEvent).toBe(row.n_event);
          for (const [ours, theirs] of [
            ['survival', 'survival'],
            ['stdErr', 'std_err'],
            ['lower', 'lower'],
            ['upper', 'upper'],
          ] as const) {
            if (row[theirs] === null) expect(got[ours]).toBeNull();
            else expect(got[ours]).toBeCloseTo(row[theirs] as number, 6);
          }
        });
        const median = golden?.medians.find((m) => m.group === group);
        expect(curve?.median ?? null).toBe(median?.median ?? null);
        expect(curve?.medianLower ?? null).toBe(median?.lower ?? null);
        expect(curve?.medianUpper ?? null).toBe(median?.upper ?? null);
      }
      expect(body.logRank.chisq).toBeCloseTo(expected.logrank.chisq, 6);
      expect(body.logRank.df).toBe(expected.logrank.df);
      expect(body.logRank.p).toBeCloseTo(expected.logrank.p, 6);
    });
  }

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
    // A header, then one row per episode: every aml household and the small group (rows are pseudonymous,
    // so the export is not suppressed; the statistics over it are).
    expect(lines).toHaveLength(1 + aml.length + SMALL_GROUP.length);
    // Stable pseudonyms: the same key gives the same column twice.
    const again = await (
      await fetch(`${gw.baseUrl}/v1/analytics/relapse/episodes.csv?asOf=2026-01-01`, { headers: analyst })
    ).text();
    expect(again).toBe(csv);
  });

  it('withholds groups of fewer than 5 households, marked and not dropped', async () => {
    const r = await fetch(`${gw.baseUrl}/v1/analytics/relapse/survival?groupBy=cohort&asOf=2023-06-10`, {
      headers: analyst,
    });
    const body = (await r.json()) as { groups: Array<{ key: string; suppressed: boolean; n: number | null }> };
    expect(body.groups.length).toBeGreaterThan(0);
    for (const g of body.groups) if (g.suppressed) expect(g.n).toBeNull();
  });
});
