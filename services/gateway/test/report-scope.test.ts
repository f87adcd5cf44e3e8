import { loadGeography } from '@benvung/geography';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GatewayGeography, geographyFrom } from '../src/application/geography.js';
import { type ReportScope, reportScope } from '../src/application/reports/report-scope.js';

/**
 * How recorded codes roll up to a report's rows, over the national registry with the demo communes:
 * every code, over every date, falls in exactly one row; a province's commune rows (with its remainder)
 * hold exactly what its province row holds; merged communes roll up whole, split ones to the remainder.
 */
let registry: Awaited<ReturnType<typeof loadGeography>>['registry'];
let geography: GatewayGeography;
beforeAll(async () => {
  ({ registry } = await loadGeography({ demo: true }));
  geography = geographyFrom(registry);
});

const scope = (unitCode: string, level: 'province' | 'commune', unitsOn: string): ReportScope =>
  reportScope(registry, geography, { callerUnits: [], unitCode, level, unitsOn });

/** Where a code recorded on a date rolls up to. */
const rowOf = (s: ReportScope, code: string, on: string) =>
  s.rollup.filter((e) => e.code === code && e.from <= on && on <= e.to).map((e) => e.row);

describe('report scope', () => {
  const DATES = ['2023-05-01', '2025-06-30', '2025-07-01', '2026-12-06'];

  it('gives every code of a province, on every date, exactly one row, and the same codes at both levels', () => {
    for (const unitsOn of ['2024-12-31', '2026-12-06']) {
      for (const province of ['96', '86', '44']) {
        const communes = scope(province, 'commune', unitsOn);
        const whole = scope(province, 'province', unitsOn);
        expect(whole.rows.map((r) => r.key)).toEqual([province]);
        const spans = (s: ReportScope) => s.rollup.map((e) => `${e.code}|${e.from}|${e.to}`).sort();
        expect(spans(communes)).toEqual(spans(whole));
        const keys = new Set(communes.rows.map((r) => r.key));
        for (const code of communes.codes) {
          for (const on of DATES) {
            const rows = rowOf(communes, code, on);
            expect(rows.length, `${province} ${unitsOn} ${code} ${on}`).toBeLessThanOrEqual(1);
            if (rows[0]) expect(keys.has(rows[0])).toBe(true);
          }
        }
      }
    }
  });

  it('rolls merged communes up to the commune holding them, split ones to the province’s remainder', () => {
    const now = scope('86', 'commune', '2026-12-06');
    expect(rowOf(now, '86101', '2024-03-01')).toEqual(['86001']);
    expect(rowOf(now, '86102', '2024-03-01')).toEqual(['86001']);
    expect(rowOf(now, '83001', '2024-03-01')).toEqual(['~86']);
    expect(now.rows.find((r) => r.key === '~86')).toMatchObject({ remainder: true, code: '86' });
    // Bạc Liêu's communes are Cà Mau's now.
    expect(rowOf(scope('96', 'commune', '2026-12-06'), '95001', '2024-03-01')).toEqual(['96002']);
    // As the units stood at the end of 2024, Bạc Liêu was a province of its own.
    const then = scope('96', 'commune', '2024-12-31');
    expect(rowOf(then, '95001', '2024-03-01')).toEqual([]);
    expect(rowOf(then, '96101', '2024-03-01')).toEqual(['96101']);
  });

  it('reports the country by province when no unit is named', () => {
    const country = reportScope(registry, geography, { callerUnits: [], unitsOn: '2026-12-06' });
    expect(country.level).toBe('province');
    expect(country.rows.filter((r) => !r.remainder)).toHaveLength(34);
    expect(rowOf(country, '95001', '2024-03-01')).toEqual(['96']);
  });
});
