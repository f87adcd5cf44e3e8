import { describe, expect, it } from 'vitest';
import {
  createUnitRegistry,
  DEMO_UNITS,
  DomainError,
  defaultUnitRegistry,
  extendUnitRegistry,
  PROVINCE_COUNTS,
  PROVINCE_CROSSWALK,
  PROVINCE_UNITS,
  unitAsOf,
  unitCovers,
} from '../src/index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return 'no error';
};

describe('provinces before and after the 2025 merger', () => {
  it('has 63 provinces before 12 June 2025 and 34 from then on', () => {
    expect(PROVINCE_COUNTS).toEqual({ before: 63, after: 34 });
    const validOn = (date: string) =>
      PROVINCE_UNITS.filter((u) => (!u.validFrom || u.validFrom <= date) && (!u.validTo || date <= u.validTo));
    expect(validOn('2025-06-11')).toHaveLength(63);
    expect(validOn('2025-06-12')).toHaveLength(34);
  });

  it('maps every old province that changed to exactly one new province', () => {
    const from = PROVINCE_CROSSWALK.map((r) => r.fromCode);
    expect(new Set(from).size).toBe(from.length);
    expect(from).toHaveLength(63 - 11);
  });

  it.each([
    ['95', '96'],
    ['96', '96'],
    ['83', '86'],
    ['84', '86'],
    ['44', '44'],
    ['45', '44'],
    ['10', '15'],
    ['27', '24'],
    ['64', '52'],
    ['72', '80'],
    ['87', '82'],
    ['82', '82'],
    ['89', '91'],
    ['77', '79'],
    ['01', '01'],
  ])('old province %s is in new province %s', (oldCode, newCode) => {
    expect(unitAsOf(oldCode, '2025-08-01')?.code).toBe(newCode);
  });

  it('reads a reused code by date: 44 was Quảng Bình, then the new Quảng Trị', () => {
    expect(unitAsOf('44', '2025-01-01')?.name).toBe('Quảng Bình');
    expect(unitAsOf('44', '2025-06-12')?.name).toBe('Quảng Trị');
    expect(unitAsOf('45', '2025-06-11')?.name).toBe('Quảng Trị');
  });
});

describe('unitAsOf', () => {
  it('keeps a code valid on the date', () => {
    expect(unitAsOf('95001', '2025-06-30')?.code).toBe('95001');
    expect(unitAsOf('96001', '2025-07-01')?.code).toBe('96001');
  });

  it('rolls an old commune up to the new commune holding it', () => {
    expect(unitAsOf('95001', '2025-07-01')?.code).toBe('96002');
    expect(unitAsOf('96101', '2030-01-01')?.code).toBe('96001');
  });

  it('rolls a split commune up to the lowest unit holding all its parts', () => {
    expect(unitAsOf('83001', '2025-07-01')).toMatchObject({ code: '86', level: 'province' });
  });

  it('rolls a district up to its province after districts ended', () => {
    expect(unitAsOf('992', '2025-07-01')).toMatchObject({ code: '96', validFrom: '2025-06-12' });
    expect(unitAsOf('992', '2025-06-20')?.code).toBe('992');
  });

  it('knows nothing before a code existed or of unknown codes', () => {
    expect(unitAsOf('96001', '2025-06-30')).toBeUndefined();
    expect(unitAsOf('12345', '2025-06-30')).toBeUndefined();
  });
});

describe('unitCovers', () => {
  it.each([
    ['96', '96001', undefined, true],
    ['96', '95001', undefined, true],
    ['96', '96101', undefined, true],
    ['95', '95001', undefined, true],
    ['95', '96002', undefined, false],
    ['86', '83001', undefined, true],
    ['44', '45002', undefined, true],
    ['86', '96001', undefined, false],
    ['96001', '96001', undefined, true],
    ['96001', '96101', undefined, true],
    ['96001', '96102', undefined, true],
    ['96002', '96101', undefined, false],
    ['991', '96101', undefined, true],
    ['96', '12345', undefined, false],
    ['96', '95001', '2025-06-01', false],
    ['95', '95001', '2025-06-01', true],
  ] as const)('%s covers %s (as of %s): %s', (scope, unit, date, expected) => {
    expect(unitCovers(scope, unit, date)).toBe(expected);
  });
});

describe('registry', () => {
  it('marks every invented unit as demo', () => {
    expect(DEMO_UNITS.length).toBeGreaterThan(0);
    expect(DEMO_UNITS.every((u) => u.demo === true)).toBe(true);
    expect(PROVINCE_UNITS.some((u) => u.demo)).toBe(false);
  });

  it('refuses overlapping versions, wrong levels and dangling references', () => {
    expect(
      codeOf(() =>
        createUnitRegistry({
          units: [
            { code: '01', name: 'A', level: 'province', validTo: '2025-01-01' },
            { code: '01', name: 'B', level: 'province', validFrom: '2025-01-01' },
          ],
          crosswalk: [],
        }),
      ),
    ).toBe('UNIT_REGISTRY_INVALID');
    expect(
      codeOf(() => createUnitRegistry({ units: [{ code: '001', name: 'A', level: 'province' }], crosswalk: [] })),
    ).toBe('UNIT_REGISTRY_INVALID');
    expect(
      codeOf(() =>
        createUnitRegistry({
          units: [{ code: '00001', name: 'A', level: 'commune', parentCode: '02' }],
          crosswalk: [],
        }),
      ),
    ).toBe('UNIT_REGISTRY_INVALID');
    expect(
      codeOf(() =>
        createUnitRegistry({
          units: [{ code: '01', name: 'A', level: 'province' }],
          crosswalk: [{ fromCode: '01', toCode: '02', effectiveOn: '2025-01-01' }],
        }),
      ),
    ).toBe('UNIT_REGISTRY_INVALID');
  });

  it('extends the shipped registry with a commune list', () => {
    const registry = extendUnitRegistry(defaultUnitRegistry, {
      units: [{ code: '32000', name: 'Xã Real', level: 'commune', parentCode: '96', validFrom: '2025-07-01' }],
      crosswalk: [],
    });
    expect(registry.unitCovers('96', '32000')).toBe(true);
    expect(defaultUnitRegistry.unitCovers('96', '32000')).toBe(false);
  });
});
