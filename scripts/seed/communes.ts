import { DEMO_CROSSWALK, DEMO_UNITS, DISTRICTS_ABOLISHED_ON } from '@benvung/domain';

/**
 * The demo communes of the seed provinces (DOMAIN.md), as households are spread over them: every old
 * commune (valid until 30 June 2025) with its successors through the crosswalk and a profile.
 */
export interface SeedCommune {
  /** Old code, valid until 30 June 2025. */
  code: string;
  /** New code(s) from 1 July 2025; a split commune has several. */
  successors: readonly string[];
  /** Old province code (96 Cà Mau, 95 Bạc Liêu, 86 Vĩnh Long, 83 Bến Tre, 84 Trà Vinh, 44 Quảng Bình, 45 Quảng Trị). */
  province: string;
  /** Share of the population (relative weight). */
  weight: number;
  /** Share of urban households. */
  urbanShare: number;
  /** Multiplies the baseline poor and near-poor shares: poorer communes start with more listed households. */
  povertyFactor: number;
  /** Southern provinces name villages ấp / khóm, the centre thôn / tổ dân phố. */
  south: boolean;
  /** Share of ethnic-Khmer household heads (Trà Vinh, Cà Mau, Bạc Liêu). */
  khmerShare: number;
}

/** Profiles by old commune code; a demo commune added later gets the default profile. */
const PROFILES: Record<string, Partial<Omit<SeedCommune, 'code' | 'successors' | 'province'>>> = {
  '96101': { weight: 1.2, urbanShare: 0.15, povertyFactor: 1.0, khmerShare: 0.08 },
  '96102': { weight: 1.0, urbanShare: 0.1, povertyFactor: 1.15, khmerShare: 0.1 },
  '95001': { weight: 1.0, urbanShare: 0.2, povertyFactor: 1.05, khmerShare: 0.12 },
  '95002': { weight: 0.9, urbanShare: 0.1, povertyFactor: 1.2, khmerShare: 0.15 },
  '86101': { weight: 1.3, urbanShare: 0.35, povertyFactor: 0.55 },
  '86102': { weight: 1.0, urbanShare: 0.15, povertyFactor: 0.7 },
  '83001': { weight: 1.4, urbanShare: 0.2, povertyFactor: 0.9 },
  '84001': { weight: 1.1, urbanShare: 0.12, povertyFactor: 1.45, khmerShare: 0.35 },
  '44101': { weight: 1.1, urbanShare: 0.25, povertyFactor: 1.1, south: false },
  '45001': { weight: 0.8, urbanShare: 0.08, povertyFactor: 1.6, south: false },
  '45002': { weight: 0.8, urbanShare: 0.12, povertyFactor: 1.35, south: false },
};

const provinceOf = (districtCode: string | undefined): string =>
  DEMO_UNITS.find((u) => u.code === districtCode)?.parentCode ?? '';

export const SEED_COMMUNES: readonly SeedCommune[] = DEMO_UNITS.filter(
  (u) => u.level === 'commune' && u.validTo !== undefined && u.validTo < DISTRICTS_ABOLISHED_ON,
).map((u) => {
  const province = provinceOf(u.parentCode);
  const profile = PROFILES[u.code] ?? {};
  return {
    code: u.code,
    successors: DEMO_CROSSWALK.filter((c) => c.fromCode === u.code).map((c) => c.toCode),
    province,
    weight: profile.weight ?? 1,
    urbanShare: profile.urbanShare ?? 0.15,
    povertyFactor: profile.povertyFactor ?? 1,
    south: profile.south ?? !['44', '45'].includes(province),
    khmerShare: profile.khmerShare ?? 0,
  };
});

export const COMMUNE_WEIGHTS: readonly (readonly [SeedCommune, number])[] = SEED_COMMUNES.map((c) => [c, c.weight]);

/** The unit code valid on `date` for a household of `commune` (the old code, or its successor). */
export function communeCodeOn(commune: SeedCommune, successor: string, date: string): string {
  return date < DISTRICTS_ABOLISHED_ON ? commune.code : successor;
}
