import { describe, expect, it } from 'vitest';
import { groupLabel } from '../../src/features/analytics/lib/group-labels';
import { formatFixed, formatInterval, formatMonths, formatPValue } from '../../src/features/analytics/lib/stats-format';

describe('statistics in Vietnamese and English', () => {
  it('writes decimals with a comma in Vietnamese and a point in English', () => {
    expect(formatFixed(12.3456, 'vi', 2)).toBe('12,35');
    expect(formatFixed(12.3, 'en', 2)).toBe('12.30');
    expect(formatFixed(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatFixed(null, 'vi', 2)).toBe('—');
  });

  it('writes p with its relation, two significant digits, and a floor', () => {
    expect(formatPValue(0.0345, 'vi')).toBe('= 0,035');
    expect(formatPValue(0.5, 'en')).toBe('= 0.5');
    expect(formatPValue(0.00001, 'vi')).toBe('< 0,001');
  });

  it('turns days into months with one decimal', () => {
    expect(formatMonths(300, 'vi')).toBe('9,9');
    expect(formatMonths(null, 'vi')).toBe('—');
  });

  it('joins interval limits with an en dash, or a dash when one is missing', () => {
    expect(formatInterval(1, 2, String)).toBe('1–2');
    expect(formatInterval(null, 2, String)).toBe('—');
  });
});

describe('groupLabel', () => {
  const texts = {
    all: 'Tất cả',
    noSupport: 'Không nhận hỗ trợ',
    unknown: 'Chưa rõ',
    kinh: 'Dân tộc Kinh',
    minority: 'Dân tộc thiểu số',
    supportKinds: { loan: 'Vay vốn', training: 'Đào tạo nghề' },
    areas: { rural: 'Nông thôn', urban: 'Thành thị' },
  };

  it('names each kind of group key', () => {
    expect(groupLabel('none', 'all', texts)).toBe('Tất cả');
    expect(groupLabel('supportKind', 'loan+training', texts)).toBe('Vay vốn + Đào tạo nghề');
    expect(groupLabel('supportKind', 'none', texts)).toBe('Không nhận hỗ trợ');
    expect(groupLabel('supportKind', 'other', texts)).toBe('other');
    expect(groupLabel('province', '44', texts, new Map([['44', 'Quảng Trị']]))).toBe('Quảng Trị');
    expect(groupLabel('province', '99', texts, new Map())).toBe('99');
    expect(groupLabel('area', 'rural', texts)).toBe('Nông thôn');
    expect(groupLabel('ethnicity', '12', texts)).toBe('Ê Đê');
    expect(groupLabel('ethnicity', 'unknown', texts)).toBe('Chưa rõ');
    expect(groupLabel('ethnicMinority', 'minority', texts)).toBe('Dân tộc thiểu số');
    expect(groupLabel('cohort', '2023', texts)).toBe('2023');
  });
});
