import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../src/lib/format';

describe('Vietnamese formats', () => {
  it('writes dates day first, in Vietnam’s time for instants', () => {
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2026-01-05', 'en')).toBe('05/01/2026');
    // 18:24 UTC is 01:24 the next day in Hà Nội.
    expect(formatDateTime('2026-12-06T18:24:00Z')).toBe('07/12/2026 01:24');
    expect(formatDateTime('2026-12-06T18:24:00Z', 'en')).toBe('07/12/2026 01:24');
  });

  it('groups thousands with dots and writes đồng after the amount', () => {
    expect(formatNumber(1_500_000)).toBe('1.500.000');
    expect(formatMoney(1_500_000).replace(/\s/g, ' ')).toBe('1.500.000 ₫');
    expect(formatNumber(7.488, 'vi', 3)).toBe('7,488');
  });
});
