import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, startGateway, TEST_JWT_SECRET } from './helpers.js';

/**
 * The attacks of the issue "small groups come back", replayed over HTTP against seeded households:
 * each must now fail. Units (demo): district 991 holds communes 96101 (3 households: too few) and
 * 96102 (12 households, one of them escaping four times); district 993 holds 86101 (10) and 86102
 * (1: too few).
 */

const POOR = { incomePerCapitaVnd: 1_000_000, deprivations: ['health_insurance', 'water', 'sanitation'] };
const NEAR_POOR = { incomePerCapitaVnd: 1_300_000, deprivations: ['water'] };
const NON_POOR = { incomePerCapitaVnd: 3_000_000, deprivations: [] };
type Finding = typeof POOR;
const review = (effectiveDate: string, finding: Finding) => ({ reviewType: 'regular', effectiveDate, ...finding });

/** A household's reviews after its first poor one (2022-02-01). */
const ESCAPE = review('2022-03-01', NON_POOR);
const PATHS = {
  open: [ESCAPE],
  nearOpen: [review('2022-03-01', NEAR_POOR)],
  relapse2024: [ESCAPE, review('2024-06-01', POOR)],
  // The one relapse of 96101, 1,101 days after its escape.
  relapseLate: [ESCAPE, review('2025-03-06', POOR)],
  // Four escapes: one household all the same.
  many: [
    ESCAPE,
    review('2023-01-10', POOR),
    review('2023-03-01', NON_POOR),
    review('2023-05-02', POOR),
    review('2023-07-03', NON_POOR),
    review('2024-02-01', POOR),
    review('2024-04-01', NON_POOR),
  ],
} as const;
type Path = keyof typeof PATHS;
const SEED: Array<{ unit: string; path: Path; copies: number }> = [
  { unit: '96101', path: 'relapseLate', copies: 1 },
  { unit: '96101', path: 'open', copies: 2 },
  { unit: '96102', path: 'relapse2024', copies: 5 },
  { unit: '96102', path: 'open', copies: 4 },
  { unit: '96102', path: 'nearOpen', copies: 2 },
  { unit: '96102', path: 'many', copies: 1 },
  { unit: '86101', path: 'relapse2024', copies: 5 },
  { unit: '86101', path: 'open', copies: 5 },
  { unit: '86102', path: 'open', copies: 1 },
];
const AS_OF = '2025-06-30';

let gw: RunningGateway;
let analyst: Record<string, string>;
const ids: string[] = [];

// biome-ignore lint/suspicious/noExplicitAny: the answers of several routes, read loosely as an attacker would
async function get(path: string): Promise<{ status: number; body: any; text: string }> {
  const r = await fetch(`${gw.baseUrl}${path}`, { headers: analyst });
  const text = await r.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: r.status, body, text };
}

/** A difference two published answers let an analyst compute: 0, or 5 households and more. */
function expectSafeDifference(a: number | null | undefined, b: number | null | undefined, what: string) {
  if (a === null || a === undefined || b === null || b === undefined) return;
  const d = Math.abs(a - b);
  expect(d === 0 || d >= 5, `${what}: ${a} − ${b}`).toBe(true);
}

beforeAll(async () => {
  gw = await startGateway();
  const worker = await authHeaders('case_worker', ['96', '86']);
  analyst = await authHeaders('analyst', []);
  let position = '';
  let n = 0;
  for (const { unit, path, copies } of SEED) {
    for (let c = 0; c < copies; c++) {
      const post = (p: string, body: unknown) => postCreated(gw.baseUrl, p, body, worker);
      const { householdId } = await post('/v1/households', {
        head: { fullName: `Hộ Thử Nghiệm ${n++}` },
        memberCount: 3,
        area: 'rural',
        unitCode: unit,
        occurredAt: '2022-01-10',
      });
      ids.push(householdId as string);
      let last = await post(`/v1/households/${householdId}/assessments`, review('2022-02-01', POOR));
      for (const step of PATHS[path]) last = await post(`/v1/households/${householdId}/assessments`, step);
      position = last.position as string;
    }
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await fetch(`${gw.baseUrl}/v1/households/${ids.at(-1)}`, {
      headers: { ...worker, 'x-wait-for-position': position },
    });
    if (r.status === 200) break;
    if (Date.now() > deadline) throw new Error('projections did not catch up');
  }
}, 240_000);
afterAll(async () => {
  await gw?.close();
});

describe('small groups do not come back', () => {
  it('exports no row of a suppressed unit, and counts what was withheld', async () => {
    for (const unit of ['86102', '96101']) {
      const { status, text } = await get(`/v1/analytics/relapse/episodes.csv?unitCode=${unit}&asOf=${AS_OF}`);
      expect(status).toBe(200);
      const lines = text.trim().split('\n');
      expect(lines).toHaveLength(2); // the header and the trailer: no episode
      expect(lines[1]).toMatch(/^# withheld: units=1 /);
    }
  });

  it('exports only rows whose quasi-identifiers 5 households share, with no row of a small unit', async () => {
    const { text } = await get(`/v1/analytics/relapse/episodes.csv?asOf=${AS_OF}`);
    const [header, ...rest] = text.trim().split('\n');
    const columns = (header ?? '').split(',');
    const rows = rest.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    const col = (name: string) => columns.indexOf(name);
    const classes = new Map<string, Set<string>>();
    for (const r of rows) {
      expect(['86102', '96101']).not.toContain(r[col('unit')]);
      const key = ['unit', 'area', 'cohort', 'support_kinds', 'escape_from', 'escape_to', 'escape_period', 'end_period']
        .map((c) => r[col(c)])
        .join('|');
      const set = classes.get(key) ?? new Set();
      set.add(r[col('household')] ?? '');
      classes.set(key, set);
    }
    for (const set of classes.values()) expect(set.size).toBeGreaterThanOrEqual(5);
    expect(rest.at(-1)).toMatch(/^# withheld: units=2 /);
  });

  it('uses a pseudonym key of its own: nothing derived from the JWT secret reproduces the pseudonyms', async () => {
    const { text } = await get(`/v1/analytics/relapse/episodes.csv?asOf=${AS_OF}`);
    const shown = new Set(
      text
        .trim()
        .split('\n')
        .slice(1)
        .filter((l) => !l.startsWith('#'))
        .map((l) => l.split(',')[0]),
    );
    const derived = createHmac('sha256', TEST_JWT_SECRET).update('benvung analytics pseudonym key v1').digest();
    for (const id of ids) {
      for (const key of [derived, TEST_JWT_SECRET]) {
        const plain = createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
        const v2 = createHmac('sha256', key)
          .update(`benvung export v2\u0000default\u0000${id}`)
          .digest('hex')
          .slice(0, 32);
        expect(shown.has(plain)).toBe(false);
        expect(shown.has(v2)).toBe(false);
      }
    }
    // Two projects' exports cannot be joined; the same project's can.
    const a = await get(`/v1/analytics/relapse/episodes.csv?asOf=${AS_OF}&project=alpha`);
    const b = await get(`/v1/analytics/relapse/episodes.csv?asOf=${AS_OF}&project=beta`);
    const again = await get(`/v1/analytics/relapse/episodes.csv?asOf=${AS_OF}&project=alpha`);
    const pseudonyms = (t: string) =>
      new Set(
        t
          .split('\n')
          .slice(1, -2)
          .map((l) => l.split(',')[0]),
      );
    const pa = pseudonyms(a.text);
    for (const p of pseudonyms(b.text)) expect(pa.has(p)).toBe(false);
    expect(again.text).toBe(a.text);
  });

  it('counts households, not escapes', async () => {
    const { body } = await get(`/v1/analytics/relapse/survival?unitCode=96102&asOf=${AS_OF}`);
    expect(body.groups[0].n).toBe(12);
    expect(body.groups[0].events).toBe(6);
  });

  it('gives nothing by subtracting a commune from its district or province', async () => {
    const district = (await get(`/v1/analytics/relapse/survival?unitCode=991&asOf=${AS_OF}`)).body;
    const province = (await get(`/v1/analytics/relapse/survival?unitCode=96&asOf=${AS_OF}`)).body;
    const commune = (await get(`/v1/analytics/relapse/survival?unitCode=96102&asOf=${AS_OF}`)).body;
    const small = (await get(`/v1/analytics/relapse/survival?unitCode=96101&asOf=${AS_OF}`)).body;
    expect(small.groups[0]).toMatchObject({ suppressed: true, withheld: 'small', n: null, table: null });
    for (const other of [district, province]) {
      expect(other.groups[0].n).toBe(commune.groups[0].n);
      expect(other.groups[0].events).toBe(commune.groups[0].events);
      expect(other.groups[0].table).toEqual(commune.groups[0].table);
      expect(other.leftOut).toBe(true);
    }
    // No published row or figure names the day of a relapse (1,101 is 96101's).
    for (const row of district.groups[0].table) {
      expect([row.nEvent, row.nCensor].every((v: number) => v === 0 || v >= 5)).toBe(true);
    }
    expect(JSON.stringify(district)).not.toContain('1101');
  });

  it('gives nothing by subtracting groups from the whole', async () => {
    const whole = (await get(`/v1/analytics/relapse/survival?asOf=${AS_OF}`)).body;
    for (const groupBy of ['area', 'province', 'cohort', 'supportKind', 'ethnicMinority']) {
      const grouped = (await get(`/v1/analytics/relapse/survival?asOf=${AS_OF}&groupBy=${groupBy}`)).body;
      const published = grouped.groups.reduce((s: number, g: { n: number | null }) => s + (g.n ?? 0), 0);
      expectSafeDifference(whole.groups[0].n, published, groupBy);
      for (const g of grouped.groups) if (g.n !== null) expect(g.n).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives nothing by subtracting units’ flows', async () => {
    const district = (await get(`/v1/analytics/units/991?asOf=${AS_OF}`)).body;
    const commune = (await get(`/v1/analytics/units/96102?asOf=${AS_OF}`)).body;
    const small = (await get(`/v1/analytics/units/96101?asOf=${AS_OF}`)).body;
    for (const [i, row] of district.flows.entries()) {
      for (const f of ['escaped', 'relapsed', 'newlyPoor', 'atRiskStart', 'relapsedFromAtRisk']) {
        expectSafeDifference(row[f], commune.flows[i][f], `${row.year} ${f}`);
        const own = small.flows[i][f];
        expect(own === null || own === 0 || own >= 5, `96101 ${row.year} ${f}: ${own}`).toBe(true);
      }
    }
  });

  it('gives no withheld cell or row from a matrix’s totals, nor between units', async () => {
    const district = (await get('/v1/analytics/transitions?unitCode=991')).body;
    const commune = (await get('/v1/analytics/transitions?unitCode=96102')).body;
    const matrices = [...district.byYear, district.pooled, ...commune.byYear, commune.pooled];
    expect(matrices.length).toBeGreaterThan(2);
    let withheld = 0;
    for (const m of matrices) {
      let n = 0;
      for (const row of m.rows) {
        const published = row.cells.reduce((s: number, c: { count: number | null }) => s + (c.count ?? 0), 0);
        if (row.total !== null) expect(row.total).toBe(published);
        n += row.total ?? 0;
        for (const c of row.cells) {
          if (c.count !== null && c.count !== 0) expect(c.count).toBeGreaterThanOrEqual(5);
          if (c.suppressed) withheld++;
        }
      }
      if (m.n !== null) expect(m.n).toBe(n);
    }
    expect(withheld).toBeGreaterThan(0);
    for (const [y, m] of district.byYear.entries()) {
      for (const [i, row] of m.rows.entries()) {
        for (const [j, cell] of row.cells.entries()) {
          expectSafeDifference(cell.count, commune.byYear[y]?.rows[i].cells[j].count, `transition ${i}→${j}`);
        }
      }
    }
  });

  it('answers adjacent asOf dates alike (month ends only)', async () => {
    const paths = [
      '/v1/analytics/relapse/survival?unitCode=96102',
      '/v1/analytics/cohorts?unitCode=96102',
      '/v1/analytics/units/96102',
      '/v1/analytics/units/991',
      '/v1/analytics/relapse/episodes.csv?unitCode=96102',
    ];
    for (const path of paths) {
      const sep = path.includes('?') ? '&' : '?';
      const one = await get(`${path}${sep}asOf=2025-06-14`);
      const next = await get(`${path}${sep}asOf=2025-06-15`);
      expect(next.text, path).toBe(one.text);
      if (one.body) expect(one.body.asOf).toBe('2025-05-31');
    }
  });
});
