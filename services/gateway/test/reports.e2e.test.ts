import { addDays, parseCsv } from '@benvung/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/application/today.js';
import { authHeaders, postCreated, type RunningGateway, startGateway } from './helpers.js';

/**
 * The report tables over a small province: households recorded under old communes (96101, 96102,
 * Bạc Liêu's 95001) and new ones (96001), every kind of movement in 2025, one household flagged
 * unable to escape. Each figure below is worked out by hand from the histories.
 */
const POOR = { incomePerCapitaVnd: 1_200_000, deprivations: ['employment', 'water', 'sanitation'] };
const NEAR_POOR = { incomePerCapitaVnd: 1_300_000, deprivations: ['water'] };
const NON_POOR = { incomePerCapitaVnd: 3_000_000, deprivations: [] };
const review = (effectiveDate: string, finding: typeof POOR) => ({
  reviewType: effectiveDate.slice(5) >= '09-01' ? 'periodic' : 'regular',
  effectiveDate,
  ...finding,
});

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and checked against expected literals
type Json = any;

let gw: RunningGateway;
let supervisor: Record<string, string>;
let analyst: Record<string, string>;
let position = '';
const ids: Record<string, string> = {};
const yesterday = addDays(today(), -1);

const post = async (path: string, body: unknown, headers = supervisor) => {
  const answer = await postCreated(gw.baseUrl, path, body, headers);
  position = (answer.position as string | undefined) ?? position;
  return answer;
};

async function household(name: string, unitCode: string, registeredOn: string, steps: Array<Record<string, unknown>>) {
  const { householdId } = await post('/v1/households', {
    head: { fullName: `Hộ ${name}` },
    memberCount: 4,
    area: 'rural',
    unitCode,
    occurredAt: registeredOn,
  });
  ids[name] = householdId as string;
  for (const step of steps) {
    if ('move' in step) {
      await post(`/v1/households/${householdId}/moves`, { toUnitCode: step.move, occurredAt: step.on });
    } else if ('close' in step) {
      await post(`/v1/households/${householdId}/closure`, { reason: 'moved_away', occurredAt: step.close });
    } else if ('flag' in step) {
      await post(`/v1/households/${householdId}/flags`, {
        action: 'set',
        basis: 'no_working_age_labour',
        reason: 'Hai ông bà cao tuổi',
        occurredAt: step.flag,
      });
    } else {
      await post(`/v1/households/${householdId}/assessments`, step);
    }
  }
}

/** GET a report as JSON (waiting for the last write), expecting 200. */
async function report(path: string, headers = supervisor): Promise<Record<string, Json>> {
  const r = await fetch(`${gw.baseUrl}${path}`, { headers: { ...headers, 'x-wait-for-position': position } });
  const body = (await r.json()) as Record<string, Json>;
  expect(r.status, JSON.stringify(body)).toBe(200);
  return body;
}
const rowOf = (body: Record<string, Json>, code: string) =>
  body.rows.find((r: { unitCode: string }) => r.unitCode === code);

beforeAll(async () => {
  gw = await startGateway();
  supervisor = await authHeaders('supervisor', ['96']);
  analyst = await authHeaders('analyst', []);
  // A: poor since 2024, flagged unable to escape in June 2025.
  await household('A', '96101', '2024-01-10', [review('2024-03-01', POOR), { flag: '2025-06-01' }]);
  // B: poor in 2024, escapes in April 2025.
  await household('B', '96101', '2024-01-10', [review('2024-03-01', POOR), review('2025-04-01', NON_POOR)]);
  // C: escapes in 2024, relapses in 2025.
  await household('C', '96102', '2024-01-10', [
    review('2024-03-01', POOR),
    review('2024-10-01', NON_POOR),
    review('2025-10-01', POOR),
  ]);
  // D: a new commune's household, newly near-poor, then poor.
  await household('D', '96001', '2025-08-01', [review('2025-08-10', NEAR_POOR), review('2025-11-10', POOR)]);
  // E: Bạc Liêu's (95001, now in 96002), poor, closed in May 2025.
  await household('E', '95001', '2024-01-10', [review('2024-03-01', POOR), { close: '2025-05-01' }]);
  // F: poor in 96001, moves to 96002 in September 2025.
  await household('F', '96001', '2025-07-05', [review('2025-07-10', POOR), { move: '96002', on: '2025-09-01' }]);
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

describe('GET /v1/reports/balance', () => {
  it('balances each list per commune of today, old codes rolled up, and in total', async () => {
    const body = await report('/v1/reports/balance?unitCode=96&year=2025');
    expect(body).toMatchObject({ year: 2025, level: 'commune', provisional: false, unit: { code: '96' } });
    // 96101 and 96102 went into 96001: A, B on the list at the start; B escaped; C relapsed; D and F newly poor; F moved out.
    expect(rowOf(body, '96001')).toMatchObject({
      poor: {
        opening: 2,
        escaped: 1,
        escapedToNearPoor: 0,
        newly: 2,
        newlyFromNearPoor: 1,
        relapsed: 1,
        movedOut: 1,
        movedIn: 0,
        closed: 0,
        closing: 3,
      },
      nearPoor: { opening: 0, newly: 1, toPoor: 1, closing: 0 },
      reconciles: true,
    });
    // 95001 went into 96002: E closed, F moved in.
    expect(rowOf(body, '96002')).toMatchObject({
      poor: { opening: 1, closed: 1, movedIn: 1, closing: 1 },
      reconciles: true,
    });
    expect(body.total).toMatchObject({ poor: { opening: 3, closing: 4 }, reconciles: true });
    for (const row of body.rows) expect(row.reconciles).toBe(true);
    const sum = (key: string) =>
      body.rows.reduce((n: number, r: { poor: Record<string, number> }) => n + (r.poor[key] ?? 0), 0);
    for (const key of Object.keys(body.total.poor)) expect(sum(key), key).toBe(body.total.poor[key]);
    // The province as one row: the same total.
    const provinces = await report('/v1/reports/balance?unitCode=96&year=2025&level=province');
    expect(provinces.rows.map((r: { unitCode: string }) => r.unitCode)).toEqual(['96']);
    expect(provinces.rows[0].poor).toEqual(body.total.poor);
  });

  it('writes the same figures as CSV and as a real XLSX workbook, with the form’s Vietnamese headings', async () => {
    const json = await report('/v1/reports/balance?unitCode=96&year=2025');
    const csv = await fetch(`${gw.baseUrl}/v1/reports/balance?unitCode=96&year=2025&format=csv`, {
      headers: supervisor,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('balance-96-2025.csv');
    const lines = parseCsv(await csv.text());
    expect(lines[0]?.[0]).toBe('Diễn biến hộ nghèo, hộ cận nghèo năm 2025');
    expect(lines.some((l) => l[0]?.includes('mã 96'))).toBe(true);
    const header = lines.find((l) => l.includes('Số hộ nghèo đầu năm')) as string[];
    expect(header).toEqual(
      expect.arrayContaining(['Số hộ thoát nghèo', 'Số hộ nghèo phát sinh', 'Số hộ tái nghèo', 'Số hộ nghèo cuối năm']),
    );
    const csvRow = lines.find((l) => l[0] === '96001') as string[];
    expect(Number(csvRow[header.indexOf('Số hộ nghèo cuối năm')])).toBe(rowOf(json, '96001').poor.closing);
    expect(Number(csvRow[header.indexOf('Số hộ tái nghèo')])).toBe(rowOf(json, '96001').poor.relapsed);

    const xlsx = await fetch(`${gw.baseUrl}/v1/reports/balance?unitCode=96&year=2025&format=xlsx`, {
      headers: supervisor,
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Diễn biến hộ nghèo, hộ cận nghèo năm 2025');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const xHeader = rows.find((r) => r.includes('Số hộ nghèo đầu năm')) as unknown[];
    const xRow = rows.find((r) => r[0] === '96001') as unknown[];
    for (const [heading, key] of [
      ['Số hộ nghèo đầu năm', 'opening'],
      ['Số hộ thoát nghèo', 'escaped'],
      ['Số hộ nghèo phát sinh', 'newly'],
      ['Số hộ tái nghèo', 'relapsed'],
      ['Số hộ nghèo cuối năm', 'closing'],
    ] as const) {
      expect(xRow[xHeader.indexOf(heading)], heading).toBe(rowOf(json, '96001').poor[key]);
    }
    const total = rows.find((r) => r[1] === 'Tổng cộng') as unknown[];
    expect(total[xHeader.indexOf('Số hộ nghèo cuối năm')]).toBe(json.total.poor.closing);

    const english = await fetch(`${gw.baseUrl}/v1/reports/balance?unitCode=96&year=2025&format=csv&lang=en`, {
      headers: supervisor,
    });
    const enLines = parseCsv(await english.text());
    expect(enLines.some((l) => l.includes('Poor households at the start of the year'))).toBe(true);
  });

  it('gives the same figures for a past year asked again after later events, and lists the corrections since', async () => {
    const path = `/v1/reports/balance?unitCode=96&year=2025&asOf=${yesterday}`;
    const first = await report(path);
    // Everything above was recorded today, after asOf: each 2025 change is listed, and counted.
    expect(first.correctedSinceTotal).toBeGreaterThan(0);
    expect(first.correctedSince.every((c: { kind: string }) => c.kind === 'late_entry')).toBe(true);

    // Later events: a 2026 review, a new household.
    await post(`/v1/households/${ids.A}/assessments`, review('2026-03-01', NON_POOR));
    await household('G', '96001', '2026-02-01', [review('2026-02-10', POOR)]);
    const again = await report(path);
    expect(again.rows).toEqual(first.rows);
    expect(again.total).toEqual(first.total);
    expect(again.correctedSince).toEqual(first.correctedSince);

    // A correction of a 2025 review: the figures change, and the report says so.
    const history = await fetch(`${gw.baseUrl}/v1/households/${ids.B}/history`, { headers: supervisor });
    const events = ((await history.json()) as { events: Array<{ eventId: string; type: string }> }).events;
    const escaping = events.filter((e) => e.type === 'HouseholdAssessed')[1];
    await post(`/v1/households/${ids.B}/corrections`, {
      action: 'void',
      eventId: escaping?.eventId,
      reason: 'Nhầm hộ',
      occurredAt: today(),
    });
    const corrected = await report(path);
    expect(rowOf(corrected, '96001').poor).toMatchObject({ escaped: 0, closing: 4 });
    expect(corrected.correctedSinceTotal).toBe(first.correctedSinceTotal + 1);
    expect(corrected.correctedSince).toContainEqual(
      expect.objectContaining({ kind: 'voided', eventType: 'HouseholdAssessed', effectiveFrom: '2025-04-01' }),
    );
    const csv = await fetch(`${gw.baseUrl}${path}&format=csv`, { headers: supervisor });
    const notes = parseCsv(await csv.text()).map((l) => l[0] ?? '');
    expect(notes.some((n) => n.startsWith('Ghi chú: sau ngày'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Hủy HouseholdAssessed'))).toBe(true);
  });

  it('refuses a year that had not ended on asOf, a date after today, and units outside the caller’s', async () => {
    const at = async (path: string, headers = supervisor) => (await fetch(`${gw.baseUrl}${path}`, { headers })).status;
    expect(await at(`/v1/reports/balance?unitCode=96&year=2026&asOf=${today().slice(0, 4)}-01-15`)).toBe(422);
    expect(await at(`/v1/reports/balance?unitCode=96&year=2025&asOf=${addDays(today(), 1)}`)).toBe(400);
    expect(await at('/v1/reports/balance?unitCode=96&year=2025', await authHeaders('case_worker', ['86']))).toBe(403);
    expect(await at('/v1/reports/balance?unitCode=96&year=2025', await authHeaders('admin', []))).toBe(403);
    const running = await report(`/v1/reports/balance?unitCode=96&year=${today().slice(0, 4)}`);
    expect(running.provisional).toBe(true);
  });
});

describe('denominators, targets and rates', () => {
  it('records figures and targets as events, and rates the lists against them', async () => {
    const put = async (path: string, body: unknown) => {
      const r = await fetch(`${gw.baseUrl}${path}`, { method: 'PUT', headers: supervisor, body: JSON.stringify(body) });
      const answer = (await r.json()) as Record<string, Json>;
      expect(r.status, JSON.stringify(answer)).toBe(200);
      position = answer.position ?? position;
      return answer;
    };
    await put('/v1/units/96/figures/2024', { households: 1000, population: 4000, source: 'Niên giám thống kê 2024' });
    expect(await put('/v1/units/96/figures/2025', { households: 900, source: 'Niên giám 2025' })).toMatchObject({
      recorded: 1,
    });
    const changed = await put('/v1/units/96/figures/2025', {
      households: 1000,
      population: 4100,
      source: 'Niên giám thống kê 2025',
      reason: 'Số liệu chính thức',
    });
    expect(changed.recorded).toBe(1);
    // The same again decides nothing.
    expect(
      await put('/v1/units/96/figures/2025', { households: 1000, population: 4100, source: 'Niên giám thống kê 2025' }),
    ).toMatchObject({
      recorded: 0,
    });
    await put('/v1/units/96/targets/2025', {
      targets: [
        { list: 'poor', kind: 'rate_reduction_points', value: 0.1, note: 'Nghị quyết HĐND tỉnh' },
        { list: 'poor', kind: 'rate_below_percent', value: 1 },
      ],
    });
    const figures = await report('/v1/units/96/figures/2025');
    expect(figures.figures).toMatchObject({ households: 1000, population: 4100, reason: 'Số liệu chính thức' });
    expect(figures.history.figures.map((f: { households: number }) => f.households)).toEqual([900, 1000]);
    expect(figures.targets).toHaveLength(2);
    expect((await report(`/v1/units/96/figures/2025?asOf=${yesterday}`)).figures).toBeNull();

    const rates = await report('/v1/reports/rates?unitCode=96&year=2025');
    // The void above left B on the list: 4 + B = 5 poor at the end of 2025, 3 at its start.
    expect(rates.total).toMatchObject({
      households: 1000,
      population: 4100,
      denominatorBasis: 'entered',
      poor: { opening: 3, closing: 5, rate: 0.5, previousRate: 0.3 },
      unableToEscape: 1,
      rateExcludingUnable: 0.4,
    });
    expect(rates.total.poor.change).toBeCloseTo(0.2, 10);
    expect(rates.total.targets).toEqual([
      expect.objectContaining({ kind: 'rate_below_percent', value: 1, met: true, achieved: 0.5 }),
      expect.objectContaining({ kind: 'rate_reduction_points', value: 0.1, met: false }),
    ]);
    // Reproducible: as of yesterday no figure was recorded yet, so no rate.
    expect((await report(`/v1/reports/rates?unitCode=96&year=2025&asOf=${yesterday}`)).total.poor.rate).toBeNull();
    // The analyst does not see the single household unable to escape.
    expect((await report('/v1/reports/rates?unitCode=96&year=2025', analyst)).total).toMatchObject({
      unableToEscape: null,
      rateExcludingUnable: null,
      poor: { rate: 0.5 },
    });
  });

  it('imports denominators from CSV: the whole file is checked first, with every line’s problems', async () => {
    const send = (csv: string, dryRun = false) =>
      fetch(`${gw.baseUrl}/v1/units/figures/imports?dryRun=${dryRun}`, {
        method: 'POST',
        headers: supervisor,
        body: JSON.stringify({ csv, source: 'Cục Thống kê' }),
      });
    const bad = await send(
      'Mã đơn vị,Năm,Tổng số hộ,Tổng số nhân khẩu\n96001,2025,500,2000\n99999,2025,10,\n96002,năm,10,\n96001,2025,501,\n86001,2025,10,40\n',
    );
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { code: string; problems: Array<{ line: number; vi: string }> };
    expect(problem.code).toBe('UNIT_FIGURES_INVALID');
    expect(problem.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect((await report('/v1/units/96001/figures/2025')).figures).toBeNull();

    const good = 'Mã đơn vị,Năm,Tổng số hộ,Tổng số nhân khẩu\n96001,2025,500,2000\n96002,2025,400,1500\n';
    expect(await (await send(good, true)).json()).toMatchObject({ dryRun: true, lines: 2, recorded: 0 });
    const done = (await (await send(good)).json()) as { recorded: number; position: string };
    expect(done.recorded).toBe(2);
    position = done.position;
    const rates = await report('/v1/reports/rates?unitCode=96&year=2025');
    expect(rowOf(rates, '96001')).toMatchObject({ households: 500, poor: { closing: 4, rate: 0.8 } });
  });
});

describe('breakdowns and deprivations', () => {
  it('breaks the lists down with the households unable to escape apart, withheld for analysts where few', async () => {
    const full = await report('/v1/reports/breakdown?unitCode=96&year=2025&by=unable_to_escape');
    const groups = full.rows.filter((r: { unitCode: string }) => r.unitCode === '96001');
    expect(groups.map((g: { group: string }) => g.group)).toEqual(['unable', 'other']);
    expect(groups[0]).toMatchObject({
      suppressed: false,
      poor: { opening: 0, regroupedIn: 1, closing: 1 },
      poorShare: 25,
    });
    expect(groups[1]).toMatchObject({ poor: { opening: 2, regroupedOut: 1, relapsed: 1, newly: 2, closing: 3 } });
    const withheld = await report('/v1/reports/breakdown?unitCode=96&year=2025&by=unable_to_escape', analyst);
    const analystGroups = withheld.rows.filter((r: { unitCode: string }) => r.unitCode === '96001');
    expect(analystGroups.every((g: { suppressed: boolean; poor: unknown }) => g.suppressed && g.poor === null)).toBe(
      true,
    );
    expect(withheld.suppression).toEqual({ applied: true, threshold: 5 });
    // The commune's own totals are its public lists: never withheld.
    expect(rowOf(await report('/v1/reports/balance?unitCode=96&year=2025', analyst), '96001').poor.closing).toBe(4);
    const xlsx = await fetch(`${gw.baseUrl}/v1/reports/breakdown?unitCode=96&year=2025&by=area&format=xlsx`, {
      headers: analyst,
    });
    expect(xlsx.status).toBe(200);
  });

  it('gives the share of poor households deprived on each indicator and dimension, names from the rules', async () => {
    const body = await report('/v1/reports/deprivations?unitCode=96&year=2025');
    const poor = body.rows.find((r: { unitCode: string; list: string }) => r.unitCode === '96001' && r.list === 'poor');
    expect(poor).toMatchObject({ standardId: 'VN-2022-2026', households: 4, measured: 4 });
    expect(poor.indicators.find((i: { code: string }) => i.code === 'water')).toMatchObject({
      name: expect.stringMatching(/nước/i),
      households: 4,
      share: 100,
    });
    expect(poor.indicators.find((i: { code: string }) => i.code === 'telecom')).toMatchObject({
      households: 0,
      share: 0,
    });
    expect(poor.dimensions.find((d: { dimension: string }) => d.dimension === 'employment')).toMatchObject({
      name: 'Việc làm',
      households: 4,
      share: 100,
    });
    const analystView = await report('/v1/reports/deprivations?unitCode=96&year=2025', analyst);
    const seen = analystView.rows.find(
      (r: { unitCode: string; list: string }) => r.unitCode === '96001' && r.list === 'poor',
    );
    expect(seen.indicators.find((i: { code: string }) => i.code === 'water')).toMatchObject({
      households: null,
      suppressed: true,
    });
    const csv = await fetch(`${gw.baseUrl}/v1/reports/deprivations?unitCode=96&year=2025&format=csv`, {
      headers: supervisor,
    });
    expect(parseCsv(await csv.text()).some((l) => l.includes('Tỷ lệ hộ thiếu hụt (%)'))).toBe(true);
  });
});

describe('GET /v1/reports/rounds', () => {
  it('shows supervisors where each round of a list year stands, as JSON and as a workbook', async () => {
    const worker = await authHeaders('case_worker', ['96']);
    const { householdId } = await post('/v1/households', {
      head: { fullName: 'Hộ rà soát' },
      memberCount: 3,
      area: 'rural',
      unitCode: '96001',
      village: 'Ấp 1',
      occurredAt: '2026-01-10',
    });
    const { roundId } = await post('/v1/review-rounds', {
      kind: 'regular',
      unitCode: '96001',
      listYear: 2026,
      openedOn: '2026-03-16',
    });
    const base = `/v1/review-rounds/${roundId}`;
    await post(
      `${base}/surveys`,
      { householdId, surveyedOn: '2026-03-20', incomePerCapitaVnd: 1_000_000, deprivations: [] },
      worker,
    );
    await post(
      `${base}/meetings`,
      { village: 'Ấp 1', heldOn: '2026-03-25', document: 'Biên bản', outcomes: [{ householdId, outcome: 'agreed' }] },
      worker,
    );
    await post(`${base}/postings`, { from: '2026-04-01', to: '2026-04-07', document: 'Thông báo' });
    await post(`${base}/complaints`, { householdId, receivedOn: '2026-04-02', summary: 'Xin xem xét lại' }, worker);

    const body = await report('/v1/reports/rounds?unitCode=96&year=2026');
    expect(body.rounds).toEqual([
      expect.objectContaining({
        roundId,
        unitCode: '96001',
        stage: 'posted',
        surveyed: 1,
        agreed: 1,
        pendingMeeting: 0,
        complaintsOpen: 1,
        decided: 0,
      }),
    ]);
    expect(body.total).toMatchObject({ surveyed: 1, complaintsOpen: 1 });
    expect((await report('/v1/reports/rounds?unitCode=96&year=2025')).rounds).toEqual([]);
    const xlsx = await fetch(`${gw.baseUrl}/v1/reports/rounds?unitCode=96&year=2026&format=xlsx`, {
      headers: supervisor,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Số hộ đã rà soát')) as unknown[];
    const row = rows.find((r) => r[2] === roundId) as unknown[];
    expect(row[header.indexOf('Khiếu nại chưa giải quyết')]).toBe(1);
  });
});
