import { describe, expect, it } from 'vitest';
import { BOM, csvField, fileSlug, roundRatio, toCsv } from '../../src/features/analytics/lib/csv';

describe('toCsv', () => {
  it('starts with the byte-order mark and ends every line with CRLF', () => {
    const text = toCsv(['Nhóm', 'Số hộ'], [['Tất cả', 1234]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe('\uFEFFNhóm,Số hộ\r\nTất cả,1234\r\n');
  });

  it('keeps Vietnamese letters as they are (UTF-8 once encoded)', () => {
    const bytes = new TextEncoder().encode(toCsv(['Dân tộc'], [['Ê Đê']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Ê Đê');
  });

  it('writes empty fields for missing values and plain numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, 0.125, Number.NaN]])).toBe('\uFEFFa,b,c,d\r\n,,0.125,\r\n');
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Nước sạch, vệ sinh')).toBe('"Nước sạch, vệ sinh"');
    expect(csvField('Bảng "đường cong"')).toBe('"Bảng ""đường cong"""');
    expect(csvField('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvField(' lề')).toBe('" lề"');
  });

  it('keeps a spreadsheet from running a text as a formula, but not a number', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@x')).toBe("'@x");
    expect(csvField(-5)).toBe('-5');
  });

  it('writes booleans as 1 and 0', () => {
    expect(csvField(true)).toBe('1');
    expect(csvField(false)).toBe('0');
  });
});

describe('helpers', () => {
  it('rounds ratios to 4 decimals', () => {
    expect(roundRatio(0.123456)).toBe(0.1235);
    expect(roundRatio(null)).toBeNull();
    expect(roundRatio(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('makes file names without accents or spaces', () => {
    expect(fileSlug('Ma trận chuyển đổi')).toBe('ma-tran-chuyen-doi');
    expect(fileSlug('Đường cong / 2024')).toBe('duong-cong-2024');
  });
});
