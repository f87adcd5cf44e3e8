import { addDays, DEFAULT_DECIDE_CONTEXT, DISTRICTS_ABOLISHED_ON, type UnitRegistry } from '@benvung/domain';
import { loadGeography } from '@benvung/geography';
import { DEMO_SEED_COMMUNES, type SeedCommune, SeedCommuneSet } from './communes.js';

/**
 * The national commune set: every commune of the country as it was until 30 June 2025 (about 10,000),
 * so a national population lives a few hundred households to a commune, as real ones do.
 */

/**
 * Old provinces whose villages are ấp (khóm in towns): the South, from Bình Phước (70) to Cà Mau (96)
 * — the South-East and the Mekong Delta. Below 70 (the North, the Centre, the Central Highlands,
 * Khánh Hòa to Bình Thuận) villages are thôn, tổ dân phố in towns.
 */
const FIRST_SOUTHERN_PROVINCE = 70;

/**
 * Ethnic-Khmer household heads, by old province: Trà Vinh and Sóc Trăng (about three in ten people are
 * Khmer), Bạc Liêu and Cà Mau (fewer, but many of the poor households). Elsewhere none are drawn.
 */
const KHMER_SHARE: Readonly<Record<string, number>> = { '84': 0.3, '94': 0.3, '95': 0.1, '96': 0.1 };

/** Where a commune's kind sets no area (none of the old communes: a guard), this share of households is urban. */
const URBAN_SHARE_WITHOUT_KIND = 0.15;

/**
 * The seed communes of a registry's national units: every old commune (valid until 30 June 2025, not a
 * demo unit) with its successors through the crosswalk of 1 July 2025 and its old province (the parent
 * of its old district). Old communes no crosswalk row converts are left out: in the shipped files two,
 * 01651 (Xã Mỹ Hưng) and 02482 (Xã Phú Thịnh), which roll up through their district (data/README.md).
 *
 * Profiles are plain: weight 1, poverty factor 1; urban share 1 for a phường or thị trấn and 0 for a xã
 * (the decider settles a household's area by its commune's kind: another area would need a reason),
 * `south` for old provinces from 70 on, Khmer heads in 84, 94, 95 and 96.
 */
export function nationalCommunesOf(registry: UnitRegistry): SeedCommune[] {
  const lastOldDay = addDays(DISTRICTS_ABOLISHED_ON, -1);
  const successors = new Map<string, string[]>();
  for (const row of registry.crosswalk) {
    if (row.effectiveOn !== DISTRICTS_ABOLISHED_ON) continue;
    const list = successors.get(row.fromCode);
    if (!list) successors.set(row.fromCode, [row.toCode]);
    else if (!list.includes(row.toCode)) list.push(row.toCode);
  }
  const communes: SeedCommune[] = [];
  for (const unit of registry.units) {
    if (unit.demo || unit.level !== 'commune' || unit.validTo !== lastOldDay) continue;
    const next = successors.get(unit.code);
    if (!next) continue;
    const district = unit.parentCode === undefined ? undefined : registry.find(unit.parentCode, lastOldDay);
    const province = district?.parentCode;
    if (district?.level !== 'district' || province === undefined) {
      throw new Error(`old commune ${unit.code} (${unit.name}) has no district in a province`);
    }
    const urbanShare =
      unit.kind === 'ward' || unit.kind === 'township' ? 1 : unit.kind === 'commune' ? 0 : URBAN_SHARE_WITHOUT_KIND;
    communes.push({
      code: unit.code,
      successors: next,
      province,
      weight: 1,
      urbanShare,
      povertyFactor: 1,
      south: Number(province) >= FIRST_SOUTHERN_PROVINCE,
      khmerShare: KHMER_SHARE[province] ?? 0,
    });
  }
  return communes;
}

/** The national set over a registry of the national units (decided with that registry). */
export function nationalSeedCommunesOf(registry: UnitRegistry): SeedCommuneSet {
  return new SeedCommuneSet('national', nationalCommunesOf(registry), { ...DEFAULT_DECIDE_CONTEXT, units: registry });
}

let national: Promise<SeedCommuneSet> | undefined;

/**
 * The national set over the shipped national files, built once per process (or worker thread) and
 * decided with the registry `loadGeography({ demo: true })` answers (the one the gateway and
 * projections run on: the same object when they share the process).
 */
export function nationalSeedCommunes(): Promise<SeedCommuneSet> {
  national ??= loadGeography({ demo: true })
    .then(({ registry }) => nationalSeedCommunesOf(registry))
    .catch((err: unknown) => {
      national = undefined;
      throw err;
    });
  return national;
}

/** The names of the commune sets, as a worker thread is told which one to build. */
export const SEED_COMMUNE_SETS = ['demo', 'national'] as const;
export type SeedCommuneSetName = (typeof SEED_COMMUNE_SETS)[number];

/** The commune set of a name: in a worker thread, `generateHousehold(seed, i, { communes: await seedCommuneSet(name) })`. */
export function seedCommuneSet(name: SeedCommuneSetName): Promise<SeedCommuneSet> {
  return name === 'national' ? nationalSeedCommunes() : Promise.resolve(DEMO_SEED_COMMUNES);
}
