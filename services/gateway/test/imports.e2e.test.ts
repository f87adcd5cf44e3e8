import { listUnitYearStats } from '@benvung/projections';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * Import of the lists provinces keep: a workbook with Vietnamese headers and good and bad rows imports
 * the good ones, reports the bad ones by row and column, appends nothing the second time, and the
 * households count in the list year's totals as the lists they were on, not as newly poor.
 */

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const HEADERS = [
  'STT',
  'Mã hộ',
  'Họ và tên chủ hộ',
  'Năm sinh',
  'Dân tộc',
  'Số nhân khẩu',
  'Thôn/ấp/bản',
  'Xã/phường',
  'Phân loại',
  'Năm',
  'Thu nhập bình quân',
  'Các chỉ số thiếu hụt',
  'Số quyết định',
];
type Row = [string, string, number, string, number, string, string, string, number, string | number, string, string];
const GOOD: Row[] = [
  [
    'HD-001',
    'Thạch Văn Sang',
    1972,
    'Khmer',
    5,
    'Ấp Cây Cui',
    'Xã Hồng Dân',
    'Hộ nghèo',
    2026,
    '1.200.000',
    'Việc làm, Nguồn nước sinh hoạt, Nhà tiêu hợp vệ sinh',
    '512/QĐ-UBND',
  ],
  [
    'HD-002',
    'Lê Thị Hoa',
    1980,
    'Kinh',
    3,
    'Ấp Ninh Thạnh',
    'xa hong dan',
    'Hộ cận nghèo',
    2026,
    1_400_000,
    'Bảo hiểm y tế',
    '512/QĐ-UBND',
  ],
  ['HD-007', 'Danh Sóc', 1960, '05', 2, 'Ấp Cây Cui', 'Xã Hồng Dân', 'Hộ nghèo', 2026, '', '', '512/QĐ-UBND'],
];
const BAD: Row[] = [
  ['HD-003', 'Trần Văn Ba', 1965, 'Kinh', 4, 'Ấp 3', 'Xã Không Có', 'Hộ nghèo', 2026, '', '', '512/QĐ-UBND'],
  ['HD-001', 'Thạch Thị Mến', 1990, 'Khmer', 4, 'Ấp Cây Cui', 'Xã Hồng Dân', 'Hộ nghèo', 2026, '', '', '512/QĐ-UBND'],
  [
    'HD-005',
    'Nguyễn Văn Năm',
    1970,
    'Kinh',
    2,
    'Ấp 4',
    'Xã Hồng Dân',
    'Hộ cận nghèo',
    2026,
    'một triệu',
    '',
    '512/QĐ-UBND',
  ],
  ['HD-006', 'Danh Sơn', 1985, 'Hơ Mông', 6, 'Ấp 5', 'Xã Hồng Dân', 'Hộ nghèo', 2026, '', '', '512/QĐ-UBND'],
];

async function workbook(rows: Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách hộ');
  sheet.addRow(HEADERS);
  for (const [i, r] of rows.entries()) sheet.addRow([i + 1, ...r]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function upload(bytes: Uint8Array, fields: Record<string, string>) {
  const form = new FormData();
  form.set('file', new Blob([bytes]), 'danh-sach-ho-ngheo-2026.xlsx');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const { authorization } = worker;
  const r = await fetch(`${gw.baseUrl}/v1/imports`, {
    method: 'POST',
    headers: { authorization: authorization ?? '' },
    body: form,
  });
  const body = (await r.json()) as Record<string, unknown>;
  expect(r.status, JSON.stringify(body)).toBe(202);
  for (let i = 0; i < 200; i++) {
    const status = await requestJson(gw.baseUrl, 'GET', body.location as string, worker);
    if (status.body.status !== 'running') return status.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('import of existing lists', () => {
  it('imports the good rows, reports the bad ones by row and column, and appends nothing the second time', async () => {
    const bytes = await workbook([...GOOD, ...BAD]);
    const first = await upload(bytes, { unitScope: '96', importGoodRows: 'true' });
    expect(first).toMatchObject({
      status: 'done',
      summary: { rows: 7, valid: 3, imported: 3, alreadyImported: 0, rowsWithProblems: 4, written: true },
    });
    const problems = first.problems as Array<{ row: number; column: string; code: string; vi: string; en: string }>;
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [5, 'Xã/phường', 'UNKNOWN_UNIT'],
      [6, 'Mã hộ', 'DUPLICATE_HOUSEHOLD'],
      [7, 'Thu nhập bình quân', 'NOT_A_NUMBER'],
      [8, 'Dân tộc', 'UNKNOWN_ETHNICITY'],
    ]);
    expect(problems[0]?.vi).toMatch(/Không có xã\/phường "Xã Không Có"/);
    expect(problems[0]?.en).toMatch(/No commune "Xã Không Có"/);

    const report = await fetch(`${gw.baseUrl}/v1/imports/${first.id}/report.csv`, { headers: worker });
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await report.text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv).toContain('Dân tộc không có trong danh mục 54 dân tộc: Hơ Mông');

    const before = await gw.runtime.app.deps.store.headPosition();
    const second = await upload(bytes, { unitScope: '96', importGoodRows: 'true' });
    expect(second).toMatchObject({ status: 'done', summary: { imported: 0, alreadyImported: 3 } });
    expect(await gw.runtime.app.deps.store.headPosition()).toBe(before);
  });

  it('writes nothing when too many rows are bad, unless asked to import the good rows; nothing on a dry run', async () => {
    const bytes = await workbook([GOOD[0] as Row, ...BAD].map((r) => [`X-${r[0]}`, ...r.slice(1)] as Row));
    expect(await upload(bytes, { unitScope: '96' })).toMatchObject({
      summary: { imported: 0, written: false, notWritten: 'too_many_errors' },
    });
    expect(await upload(bytes, { unitScope: '96', dryRun: 'true', importGoodRows: 'true' })).toMatchObject({
      summary: { imported: 0, written: false, notWritten: 'dry_run' },
    });
  });

  it('counts the imported households in the list year’s poor and near-poor totals, not as newly poor', async () => {
    let stats: Awaited<ReturnType<typeof listUnitYearStats>> = [];
    for (let i = 0; i < 100; i++) {
      stats = await listUnitYearStats(gw.runtime.app.deps.readModels, {
        unitCodes: ['31843'],
        fromYear: 2026,
        toYear: 2026,
      });
      if ((stats[0]?.poor_baseline ?? 0) + (stats[0]?.near_poor_baseline ?? 0) >= 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stats[0]).toMatchObject({
      year: 2026,
      poor_baseline: 2,
      near_poor_baseline: 1,
      newly_poor: 0,
      newly_near_poor: 0,
      closing_poor: 2,
      closing_near_poor: 1,
    });
  });

  it('refuses a scope outside the caller’s units', async () => {
    const form = new FormData();
    form.set('file', new Blob([await workbook(GOOD)]), 'list.xlsx');
    form.set('unitScope', '86');
    const r = await fetch(`${gw.baseUrl}/v1/imports`, {
      method: 'POST',
      headers: { authorization: worker.authorization ?? '' },
      body: form,
    });
    expect(r.status).toBe(403);
  });
});
