import { readFile } from 'node:fs/promises';
import { areaOfKind, PROVINCE_UNITS, parseConversionCsv, parseUnitListCsv } from '@benvung/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNationalGeography, type NationalGeography } from '../src/index.js';

/** Over the whole national data set: the lists and the conversion, as the registry reads them. */
let geography: NationalGeography;
let crosswalk: ReturnType<typeof parseConversionCsv>['rows'];
let before: ReturnType<typeof parseUnitListCsv>['units'];
let after: ReturnType<typeof parseUnitListCsv>['units'];
const data = (file: string) => readFile(new URL(`../data/${file}`, import.meta.url), 'utf8');

beforeAll(async () => {
  geography = await loadNationalGeography();
  crosswalk = parseConversionCsv(await data('crosswalk-2025-07-01.csv'), '2025-07-01').rows;
  before = parseUnitListCsv(await data('units-before-2025-07-01.csv'), {}).units;
  after = parseUnitListCsv(await data('units-from-2025-07-01.csv'), {}).units;
});

describe('the national registry', () => {
  it('holds every unit of both lists: 63 → 34 provinces, 696 districts, 10,035 → 3,321 communes', () => {
    const r = geography.registry;
    const count = (level: string, date: string) =>
      r.units.filter((u) => u.level === level && r.find(u.code, date) === u).length;
    expect(count('province', '2025-06-01')).toBe(63);
    expect(count('district', '2025-06-01')).toBe(696);
    expect(count('commune', '2025-06-01')).toBe(10_035);
    expect(count('province', '2025-08-01')).toBe(34);
    expect(count('district', '2025-08-01')).toBe(0);
    // 3,321 listed, and 06970 recorded under the conversion table's code (see the report).
    expect(count('commune', '2025-08-01')).toBe(3_322);
  });

  it('reports every gap between the sources by name, and nothing else', () => {
    expect(geography.report.gaps).toHaveLength(4);
    expect(geography.report.gaps.join('\n')).toMatch(/new commune 06970 .* 06978/);
    expect(geography.report.gaps.join('\n')).toMatch(/old commune 01651 \(Xã Mỹ Hưng\)/);
    expect(geography.report.gaps.join('\n')).toMatch(/old commune 02482 \(Xã Phú Thịnh\)/);
    expect(geography.report.gaps.join('\n')).toMatch(/no old code .* new commune 14698/);
  });

  it('rolls every crosswalk row’s old code up to its new code(s): one for a whole unit, each successor of a split one', () => {
    const r = geography.registry;
    const successors = new Map<string, Set<string>>();
    for (const row of crosswalk)
      successors.set(row.fromCode, (successors.get(row.fromCode) ?? new Set()).add(row.toCode));
    let split = 0;
    for (const [old, expected] of successors) {
      const got = r.successorsOn(old, '2025-07-01', '2025-06-30').map((u) => u.code);
      expect(new Set(got), old).toEqual(expected);
      const holder = r.unitAsOf(old, '2026-01-01', '2025-06-30');
      if (expected.size === 1) expect(holder?.code, old).toBe([...expected][0]);
      else {
        split++;
        // A split commune's single holder is the province holding all its successors.
        expect(holder?.level, old).toBe('province');
      }
    }
    // 10,035 old communes less the 2 in no row, and the 5 island districts.
    expect(successors.size).toBe(10_038);
    expect(split).toBeGreaterThan(300);
  });

  it('maps each of the 63 old provinces to the one new province its communes went to', () => {
    const r = geography.registry;
    const oldProvinces = r.units.filter((p) => p.level === 'province' && r.find(p.code, '2025-06-01') === p);
    expect(oldProvinces).toHaveLength(63);
    for (const p of oldProvinces) {
      const holder = r.unitAsOf(p.code, '2025-08-01');
      expect(holder?.level, p.code).toBe('province');
      // Every commune of that province ended up in the same new province.
      const communes = before.filter(
        (u) =>
          u.level === 'commune' &&
          r.ancestors(r.find(u.code, '2025-06-01') ?? u, '2025-06-01').some((a) => a.code === p.code),
      );
      for (const c of communes.slice(0, 50)) {
        for (const s of r.successorsOn(c.code, '2025-08-01')) {
          expect(
            r.ancestors(s, '2025-08-01').map((a) => a.code),
            `${p.code} ${c.code}`,
          ).toContain(holder?.code);
        }
      }
    }
  });

  it('agrees with the province table on the 63 and the 34 provinces', () => {
    const names = (list: typeof before) =>
      list
        .filter((u) => u.level === 'province')
        .map((u) => u.code)
        .sort();
    const r = geography.registry;
    const inForce = (date: string) =>
      PROVINCE_UNITS.filter((p) => {
        const found = r.find(p.code, date);
        return found !== undefined && found.validFrom === p.validFrom;
      })
        .map((p) => p.code)
        .sort();
    expect(names(before)).toEqual(inForce('2025-06-01'));
    expect(names(after)).toEqual(inForce('2025-08-01'));
  });

  it('reads a commune’s area from its kind', () => {
    const r = geography.registry;
    expect(areaOfKind(r.find('31825', '2025-08-01')?.kind)).toBe('urban');
    expect(areaOfKind(r.find('31843', '2025-08-01')?.kind)).toBe('rural');
    expect(areaOfKind(r.find('31813', '2024-01-01')?.kind)).toBe('urban');
    expect(areaOfKind(r.find('26732', '2025-08-01')?.kind)).toBeUndefined();
    expect(r.unitAsOf('31813', '2025-07-01')?.code).toBe('31825');
    expect(r.unitCovers('96', '31813')).toBe(true);
  });
});
