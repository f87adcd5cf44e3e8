import { SHIPPED_RULE_BOOK } from '@benvung/domain';
import { loadNationalGeography } from '@benvung/geography';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapColumns, parseRows, problemsCsv, readCsvSheet, readSheet, readXlsxSheet } from '../src/index.js';

/**
 * Reading and checking a province's list without a database: headers as provinces write them, cells
 * as Excel and CSV give them, communes by code or by name in the unit list of the list's year, and a
 * problem for each bad cell, by row and column, in Vietnamese and English.
 */

let registry: Awaited<ReturnType<typeof loadNationalGeography>>['registry'];
beforeAll(async () => {
  registry = (await loadNationalGeography()).registry;
});
const check = (csv: string, unitScope?: string) =>
  parseRows(readCsvSheet(csv), { registry, rules: SHIPPED_RULE_BOOK, unitScope });

const HEADER = 'Mã hộ,Họ và tên chủ hộ,Số nhân khẩu,Mã xã,Xã/phường,Huyện,Phân loại,Năm,Dân tộc,Thu nhập bình quân';

describe('columns', () => {
  it('finds fields by the headers provinces write, with or without accents and in any case', () => {
    const cols = mapColumns([
      'STT',
      'MÃ HỘ',
      'Ho ten chu ho',
      ' Số khẩu ',
      'Thôn/ấp/bản',
      'Phân loại hộ',
      'Năm rà soát',
    ]);
    expect(cols).toMatchObject({
      householdCode: 1,
      headName: 2,
      memberCount: 3,
      village: 4,
      classification: 5,
      listYear: 6,
    });
    expect(cols.unitCode).toBeUndefined();
  });

  it('reads other headers from a mapping, which wins over the defaults', () => {
    const cols = mapColumns(['Số hộ', 'Mã hộ'], { columns: { householdCode: 'Số hộ' } });
    expect(cols.householdCode).toBe(0);
  });

  it('reports every missing required column once, as a problem of the file (row 0)', () => {
    const parsed = check('Mã hộ,Năm\nA,2024\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.every((p) => p.row === 0 && p.code === 'MISSING_COLUMN')).toBe(true);
    expect(parsed.problems.map((p) => p.column).sort()).toEqual(
      ['classification', 'headName', 'memberCount', 'unitCode'].sort(),
    );
  });
});

describe('sheets', () => {
  it('reads a CSV with a byte-order mark, a title above the header and quoted cells', async () => {
    const text = '\uFEFFDANH SÁCH HỘ NGHÈO NĂM 2024\n\nMã hộ,Họ và tên chủ hộ\n"A,1","Lò Văn Páo"\n,\n';
    const sheet = await readSheet({ name: 'ds.csv', bytes: new TextEncoder().encode(text) }, { headerRow: 3 });
    expect(sheet.headers).toEqual(['Mã hộ', 'Họ và tên chủ hộ']);
    // The empty line is dropped; row numbers are those of the file.
    expect(sheet.rows).toEqual([{ row: 4, cells: ['A,1', 'Lò Văn Páo'] }]);
  });

  it('reads a workbook as the text a person sees: numbers, rich text, formulas and dates', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Hộ nghèo');
    ws.addRow(['Mã hộ', 'Họ và tên chủ hộ', 'Số nhân khẩu', 'Ngày']);
    ws.addRow([
      'H1',
      { richText: [{ text: 'Lò ' }, { text: 'Văn Páo' }] },
      { formula: '2+3', result: 5 },
      new Date(Date.UTC(2024, 0, 15)),
    ]);
    const sheet = await readXlsxSheet(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(sheet.rows).toEqual([{ row: 2, cells: ['H1', 'Lò Văn Páo', '5', '2024-01-15'] }]);
    const named = await readXlsxSheet(new Uint8Array(await book.xlsx.writeBuffer()), { sheet: 'Không có' });
    expect(named.headers).toEqual([]);
  });
});

describe('rows', () => {
  it('accepts a good row: the commune by code, numbers as sheets write them, the ethnic group by name', () => {
    const parsed = check(`${HEADER}\nH1,Lò Văn Páo,5,00406,,,Hộ nghèo,2024,Thái,"1.200.000"\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        householdCode: 'H1',
        headName: 'Lò Văn Páo',
        memberCount: 5,
        unitCode: '00406',
        classification: 'poor',
        listYear: 2024,
        ethnicity: '03',
        income: 1_200_000,
        deprivations: [],
      },
    ]);
  });

  it('tells communes of the same name apart by the district beside them, and refuses a guess', () => {
    // Hà Nội had a Xã Tân Minh in Sóc Sơn (00406) and one in Thường Tín (10240) before the 2025 reform.
    const parsed = check(
      `${HEADER}\nH1,A,3,,Xã Tân Minh,Huyện Sóc Sơn,Hộ nghèo,2024,,\nH2,B,3,,tan minh,Thường Tín,Hộ cận nghèo,2024,,\nH3,C,3,,Tân Minh,,Hộ nghèo,2024,,\n`,
      '01',
    );
    expect(parsed.rows.map((r) => [r.row, r.unitCode, r.classification])).toEqual([
      [2, '00406', 'poor'],
      [3, '10240', 'near_poor'],
    ]);
    expect(parsed.problems).toEqual([expect.objectContaining({ row: 4, column: 'Xã/phường', code: 'AMBIGUOUS_UNIT' })]);
    expect(parsed.problems[0]?.vi).toContain('00406');
    expect(parsed.problems[0]?.vi).toContain('10240');
  });

  it('reads a commune in the unit list of the list year: a 2024 code is unknown in 2026', () => {
    const parsed = check(`${HEADER}\nH1,A,3,00406,,,Hộ nghèo,2026,,\n`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ row: 2, column: 'Mã xã', code: 'UNKNOWN_UNIT' })]);
    expect(parsed.problems[0]?.en).toContain('2026');
  });

  it('refuses a commune outside the scope of the import', () => {
    const parsed = check(`${HEADER}\nH1,A,3,00406,,,Hộ nghèo,2024,,\n`, '96');
    expect(parsed.problems.map((p) => p.code)).toEqual(['UNIT_OUT_OF_SCOPE']);
  });

  it('reports each bad cell of a row by its column, in Vietnamese and English', () => {
    const parsed = check(`${HEADER}\n,A,0,00406,,,Hộ giàu,20x4,Người Sao Hỏa,nhiều\n`);
    expect(parsed.rows).toEqual([]);
    const byColumn = Object.fromEntries(parsed.problems.map((p) => [p.column, p.code]));
    expect(byColumn).toEqual({
      'Mã hộ': 'EMPTY',
      'Số nhân khẩu': 'OUT_OF_RANGE',
      'Phân loại': 'UNKNOWN_CLASSIFICATION',
      Năm: 'NOT_A_NUMBER',
      'Dân tộc': 'UNKNOWN_ETHNICITY',
      'Thu nhập bình quân': 'NOT_A_NUMBER',
    });
    for (const p of parsed.problems) {
      expect(p.row).toBe(2);
      expect(p.vi).not.toBe(p.en);
    }
  });

  it('keeps names in NFC, and refuses a name or code with control or bidirectional-override characters', () => {
    const nfd = 'Lò Văn Páo'.normalize('NFD');
    const good = check(`${HEADER}\nH1,${nfd},5,00406,,,Hộ nghèo,2024,,\n`);
    expect(good.rows[0]?.headName).toBe('Lò Văn Páo'.normalize('NFC'));
    const bad = check(
      `${HEADER}\nH1,Lò\u202EVăn,5,00406,,,Hộ nghèo,2024,,\nH\u00072,Lò Văn B,5,00406,,,Hộ nghèo,2024,,\n`,
    );
    expect(bad.rows).toEqual([]);
    expect(bad.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Họ và tên chủ hộ', code: 'INVALID_CHARACTERS' }),
      expect.objectContaining({ row: 3, column: 'Mã hộ', code: 'INVALID_CHARACTERS' }),
    ]);
    expect(bad.problems[0]?.en).toContain('U+202E');
  });

  it('refuses the same household code twice in one commune and year, naming the first row', () => {
    const parsed = check(
      `${HEADER}\nH1,A,3,00406,,,Hộ nghèo,2024,,\nH1,B,4,00406,,,Hộ nghèo,2024,,\nH1,C,4,00406,,,Hộ nghèo,2023,,\n`,
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.problems).toEqual([expect.objectContaining({ row: 3, code: 'DUPLICATE_HOUSEHOLD' })]);
    expect(parsed.problems[0]?.vi).toContain('dòng 2');
  });

  it('reads deprivations by the standard’s names or numbers and refuses one it does not have', () => {
    const header = 'Mã hộ,Họ và tên chủ hộ,Số nhân khẩu,Mã xã,Phân loại,Năm,Các chỉ số thiếu hụt';
    const parsed = check(`${header}\nH1,A,3,00406,Hộ cận nghèo,2024,"Việc làm; 2"\nH2,B,3,00406,Hộ nghèo,2024,Bay\n`);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.deprivations).toHaveLength(2);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'Các chỉ số thiếu hụt', code: 'UNKNOWN_INDICATOR' }),
    ]);
  });

  it('writes the problems as a CSV a spreadsheet opens, one line each', () => {
    const parsed = check(`${HEADER}\n,A,3,00406,,,Hộ nghèo,2024,,\n`);
    const csv = problemsCsv(parsed.problems);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + parsed.problems.length);
    expect(lines[1]).toContain('Mã hộ');
  });
});
