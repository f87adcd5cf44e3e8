import {
  addDays,
  createUnitRegistry,
  DISTRICTS_ABOLISHED_ON,
  type HouseholdEvent,
  type UnitRegistry,
} from '@benvung/domain';
import { loadNationalGeography, nationalFiles, nationalUnitData } from '@benvung/geography';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_SEED_COMMUNES,
  type GeneratedHousehold,
  generateHousehold,
  nationalSeedCommunes,
  nationalSeedCommunesOf,
  type SeedCommuneSet,
  seedCommuneSet,
} from '../seed/index.js';
import { Rng, WeightedTable } from '../seed/rng.js';

const LAST_OLD_DAY = addDays(DISTRICTS_ABOLISHED_ON, -1);

/** The national units as the shipped files have them, read apart from the set under test. */
let files: UnitRegistry;
let national: SeedCommuneSet;

beforeAll(async () => {
  files = createUnitRegistry(nationalUnitData(await nationalFiles()).data);
  national = await nationalSeedCommunes();
}, 60_000);

/** Old province of an old commune (the parent of its district), new province of a new one, in the files. */
function provinceOf(code: string, date: string): string | undefined {
  const unit = files.find(code, date);
  if (unit?.level !== 'commune' || unit.parentCode === undefined) return undefined;
  return date < DISTRICTS_ABOLISHED_ON ? files.find(unit.parentCode, date)?.parentCode : unit.parentCode;
}

const unitCodesOf = (e: HouseholdEvent): string | undefined =>
  e.type === 'HouseholdRegistered' ? e.data.unitCode : e.type === 'HouseholdMoved' ? e.data.toUnitCode : undefined;

describe('the national commune set', () => {
  it('holds every converted old commune of the 63 provinces before 2025, with its old province', () => {
    const old = files.units.filter((u) => u.level === 'commune' && u.validTo === LAST_OLD_DAY);
    const converted = new Set(files.crosswalk.map((r) => r.fromCode));
    expect(old.length).toBeGreaterThan(10_000);
    expect(national.name).toBe('national');
    expect(national.communes.length).toBe(old.filter((u) => converted.has(u.code)).length);
    expect(national.communes.length).toBeGreaterThan(10_000);
    expect(new Set(national.communes.map((c) => c.code)).size).toBe(national.communes.length);
    expect(national.provinces.size).toBe(63);
    for (const [, communes] of national.provinces) expect(communes.length).toBeGreaterThanOrEqual(40);
    for (const c of national.communes) {
      expect(provinceOf(c.code, LAST_OLD_DAY), c.code).toBe(c.province);
      expect(c.weight).toBeGreaterThan(0);
      expect(c.south).toBe(Number(c.province) >= 70);
    }
    // Khmer heads only in Trà Vinh, Sóc Trăng, Bạc Liêu and Cà Mau.
    const khmer = new Set(national.communes.filter((c) => c.khmerShare > 0).map((c) => c.province));
    expect([...khmer].sort()).toEqual(['84', '94', '95', '96']);
  });

  it('names as successors only communes of the national files from 1 July 2025, as the crosswalk does', () => {
    const successors = new Set<string>();
    for (const c of national.communes) {
      expect(c.successors.length, c.code).toBeGreaterThan(0);
      const rows = files.crosswalk.filter((r) => r.fromCode === c.code).map((r) => r.toCode);
      expect([...c.successors].sort(), c.code).toEqual([...new Set(rows)].sort());
      for (const s of c.successors) {
        const unit = files.find(s, DISTRICTS_ABOLISHED_ON);
        expect(unit?.level, s).toBe('commune');
        expect(unit?.validFrom, s).toBe(DISTRICTS_ABOLISHED_ON);
        successors.add(s);
      }
    }
    expect(successors.size).toBeGreaterThan(3_000);
    expect(national.successorProvinces.size).toBe(34);
  });

  it('moves a household within its province: old province before July 2025, new province after', () => {
    const rng = new Rng(42);
    for (let i = 0; i < 2_000; i++) {
      const commune = national.draw(rng);
      const other = national.neighbourOf(rng, commune);
      expect(other).toBeDefined();
      expect(other).not.toBe(commune);
      expect(other?.province).toBe(commune.province);
      const successor = rng.pick(commune.successors);
      const next = national.successorNeighbourOf(rng, successor);
      expect(next).toBeDefined();
      expect(next).not.toBe(successor);
      expect(provinceOf(next as string, DISTRICTS_ABOLISHED_ON)).toBe(provinceOf(successor, DISTRICTS_ABOLISHED_ON));
      expect(national.holderOf(next as string)?.successors).toContain(next);
    }
  });

  describe('households generated over it', () => {
    let households: GeneratedHousehold[];
    beforeAll(() => {
      households = Array.from({ length: 5_000 }, (_, i) => generateHousehold(3, i, { communes: national }));
    }, 180_000);

    it('spread 5,000 households over at least 1,000 communes, with no command refused', () => {
      const registered = households.map((h) => h.events.find((e) => e.event.type === 'HouseholdRegistered')?.event);
      const codes = new Set(registered.map((e) => e && unitCodesOf(e)));
      expect(registered.every((e) => e !== undefined)).toBe(true);
      expect(codes.size).toBeGreaterThanOrEqual(1_000);
      const refused: Record<string, number> = {};
      for (const h of households) {
        for (const [code, n] of Object.entries(h.refused)) refused[code] = (refused[code] ?? 0) + n;
      }
      expect(refused).toEqual({});
      expect(households.every((h) => h.state.status !== 'unregistered')).toBe(true);
    });

    it('write unit codes valid on their dates: the old commune before 1 July 2025, a successor after', () => {
      let moves = 0;
      let later = 0;
      for (const h of households) {
        let current: string | undefined;
        let currentOn = '';
        let province: string | undefined;
        for (const { event, occurredOn } of h.events) {
          const code = unitCodesOf(event);
          if (code === undefined) continue;
          const unit = files.find(code, occurredOn);
          expect(unit?.level, `${code} on ${occurredOn}`).toBe('commune');
          if (occurredOn >= DISTRICTS_ABOLISHED_ON) later += 1;
          if (event.type === 'HouseholdMoved' && current !== undefined) {
            const recoded = files.crosswalk.some((r) => r.fromCode === current && r.toCode === code);
            if (!recoded && code !== current) {
              moves += 1;
              // A move keeps the province the household is in on the day.
              // (An old code still recorded after the reform: the province of its successors.)
              const from =
                occurredOn >= DISTRICTS_ABOLISHED_ON && currentOn < DISTRICTS_ABOLISHED_ON
                  ? files.crosswalk.filter((r) => r.fromCode === current).map((r) => provinceOf(r.toCode, occurredOn))
                  : [provinceOf(current, occurredOn)];
              expect(from, `${current} → ${code} on ${occurredOn}`).toContain(provinceOf(code, occurredOn));
            }
          }
          if (event.type === 'HouseholdRegistered') province = provinceOf(code, occurredOn);
          current = code;
          currentOn = occurredOn;
        }
        expect(province, h.householdId).toBeDefined();
      }
      expect(moves).toBeGreaterThan(20);
      expect(later).toBeGreaterThan(100);
    });

    it('are the same for the same seed, index and set, however the set was built', async () => {
      const again = nationalSeedCommunesOf((await loadNationalGeography()).registry);
      expect(again).not.toBe(national);
      for (const i of [0, 1, 17, 999, 4_321]) {
        const h = households[i] as GeneratedHousehold;
        expect(generateHousehold(3, i, { communes: again })).toEqual(h);
        expect(generateHousehold(3, i, { communes: national })).toEqual(h);
      }
      expect(await seedCommuneSet('national')).toBe(national);
      // Another set, another household (the same stream drawn over other communes).
      const demo = generateHousehold(3, 0, { communes: await seedCommuneSet('demo') });
      expect(demo.events[0]?.event).not.toEqual(households[0]?.events[0]?.event);
      expect(demo).toEqual(generateHousehold(3, 0));
      expect(DEMO_SEED_COMMUNES.name).toBe('demo');
    });
  });
});

describe('a prepared weighted table', () => {
  it('draws what rng.weighted draws over the same entries', () => {
    const weights = new Rng(7);
    const entries = Array.from({ length: 500 }, (_, i) => [i, i % 7 === 0 ? 0 : weights.between(0.1, 3)] as const);
    const table = new WeightedTable(entries);
    const a = new Rng(1);
    const b = new Rng(1);
    const counts = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const drawn = a.weightedFrom(table);
      expect(drawn).toBe(b.weighted(entries));
      counts.set(drawn, (counts.get(drawn) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(400);
    expect([...counts.keys()].some((k) => k % 7 === 0)).toBe(false);
    expect(table.at(table.total)).toBe(499);
    expect(table.at(0)).toBe(1);
  });
});
