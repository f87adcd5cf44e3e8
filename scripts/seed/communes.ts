import {
  type Area,
  addDays,
  areaOfKind,
  DEFAULT_DECIDE_CONTEXT,
  DEMO_CROSSWALK,
  DEMO_UNITS,
  type DecideContext,
  DISTRICTS_ABOLISHED_ON,
} from '@benvung/domain';
import { type Rng, WeightedTable } from './rng.js';

/**
 * A commune households are spread over: an old commune (valid until 30 June 2025) with its successors
 * through the crosswalk and a profile.
 */
export interface SeedCommune {
  /** Old code, valid until 30 June 2025. */
  code: string;
  /** New code(s) from 1 July 2025; a split commune has several. */
  successors: readonly string[];
  /**
   * Old province code (the parent of its old district): of the demo set 96 Cà Mau, 95 Bạc Liêu, 86 Vĩnh
   * Long, 83 Bến Tre, 84 Trà Vinh, 44 Quảng Bình, 45 Quảng Trị.
   */
  province: string;
  /** Share of the population (relative weight). */
  weight: number;
  /** Share of urban households (where the commune's kind does not set the area: see `SeedCommuneSet.areaOf`). */
  urbanShare: number;
  /** Multiplies the baseline poor and near-poor shares: poorer communes start with more listed households. */
  povertyFactor: number;
  /** Southern provinces name villages ấp / khóm, the centre thôn / tổ dân phố. */
  south: boolean;
  /** Share of ethnic-Khmer household heads (Trà Vinh, Sóc Trăng, Cà Mau, Bạc Liêu). */
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

/** The demo communes of the seed provinces (DOMAIN.md). */
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

/**
 * The communes a population is spread over, prepared for the generator's draws: a weighted table for
 * the commune a household starts in, and indexes by province for its moves (a move looks up its
 * province instead of scanning ten thousand communes). `context` is the reference data the decider
 * decides the households with: its units know every code of the set, old and new.
 *
 * The draws are those the generator made over the demo list before sets existed (same draws, same
 * picks), so the demo set gives the same households as before.
 */
export class SeedCommuneSet {
  readonly #weights: WeightedTable<SeedCommune>;
  /** Old province → its old communes, in set order. */
  readonly #byProvince = new Map<string, SeedCommune[]>();
  /** Old commune → its position in its province's list. */
  readonly #positionInProvince = new Map<SeedCommune, number>();
  /** New province → its new communes (successors), in the order the set first names them. */
  readonly #successorsByProvince = new Map<string, string[]>();
  /** New commune → its new province and position in that province's list. */
  readonly #successorPlace = new Map<string, { province: string; position: number }>();
  /** New commune → the first old commune of the set it succeeds. */
  readonly #holder = new Map<string, SeedCommune>();

  /**
   * @param name what the set is (`demo`, `national`), for reports and for a worker to load the same set
   * @param communes old communes with at least one successor each; every code, old and new, must be a
   *   commune of `context.units` (old ones valid on 30 June 2025, new ones on 1 July 2025)
   */
  constructor(
    readonly name: string,
    readonly communes: readonly SeedCommune[],
    readonly context: DecideContext = DEFAULT_DECIDE_CONTEXT,
  ) {
    if (communes.length === 0) throw new RangeError(`commune set ${name} has no communes`);
    this.#weights = new WeightedTable(communes.map((c) => [c, c.weight]));
    const units = context.units;
    const lastOldDay = addDays(DISTRICTS_ABOLISHED_ON, -1);
    for (const commune of communes) {
      if (units.find(commune.code, lastOldDay)?.level !== 'commune') {
        throw new RangeError(`commune set ${name}: ${commune.code} is no commune of the units on ${lastOldDay}`);
      }
      if (commune.successors.length === 0)
        throw new RangeError(`commune set ${name}: ${commune.code} has no successor`);
      const list = this.#byProvince.get(commune.province);
      this.#positionInProvince.set(commune, list?.length ?? 0);
      if (list) list.push(commune);
      else this.#byProvince.set(commune.province, [commune]);
      for (const successor of commune.successors) {
        if (this.#holder.has(successor)) continue;
        this.#holder.set(successor, commune);
        const unit = units.find(successor, DISTRICTS_ABOLISHED_ON);
        if (unit?.level !== 'commune' || unit.parentCode === undefined) {
          throw new RangeError(
            `commune set ${name}: successor ${successor} is no commune of the units on ${DISTRICTS_ABOLISHED_ON}`,
          );
        }
        const province = unit.parentCode;
        const codes = this.#successorsByProvince.get(province);
        this.#successorPlace.set(successor, { province, position: codes?.length ?? 0 });
        if (codes) codes.push(successor);
        else this.#successorsByProvince.set(province, [successor]);
      }
    }
  }

  /** A commune drawn with probability proportional to its weight (one draw of `rng`). */
  draw(rng: Rng): SeedCommune {
    return rng.weightedFrom(this.#weights);
  }

  /** Another old commune of `commune`'s old province (one draw of `rng`), or none when it is alone there. */
  neighbourOf(rng: Rng, commune: SeedCommune): SeedCommune | undefined {
    const list = this.#byProvince.get(commune.province) ?? [];
    const position = this.#positionInProvince.get(commune);
    return pickOther(rng, list, position);
  }

  /** Another new commune of the new province that holds `successor` (one draw of `rng`), or none. */
  successorNeighbourOf(rng: Rng, successor: string): string | undefined {
    const place = this.#successorPlace.get(successor);
    if (!place) return undefined;
    return pickOther(rng, this.#successorsByProvince.get(place.province) ?? [], place.position);
  }

  /** The first old commune of the set that `successor` succeeds. */
  holderOf(successor: string): SeedCommune | undefined {
    return this.#holder.get(successor);
  }

  /** The province a household of `commune` in `successor`'s territory is in on `date` (old before July 2025, new after). */
  provinceOn(commune: SeedCommune, successor: string, date: string): string {
    if (date < DISTRICTS_ABOLISHED_ON) return commune.province;
    return this.#successorPlace.get(successor)?.province ?? commune.province;
  }

  /** Old provinces of the set, with their communes (in set order). */
  get provinces(): ReadonlyMap<string, readonly SeedCommune[]> {
    return this.#byProvince;
  }

  /** New provinces of the set, with the new communes its communes went into. */
  get successorProvinces(): ReadonlyMap<string, readonly string[]> {
    return this.#successorsByProvince;
  }

  /**
   * The area the kind of unit `code` sets on `date` (phường, thị trấn urban; xã rural), as the decider
   * settles it; undefined where the kind sets none (a special zone, a demo unit): the area is stated.
   */
  areaOf(code: string, date: string): Area | undefined {
    return areaOfKind(this.context.units.find(code, date)?.kind);
  }
}

/**
 * One item of `list` other than the one at `skip`, as `rng.pick` over the list without it would draw
 * (same draw, same item), without building that list.
 */
function pickOther<T>(rng: Rng, list: readonly T[], skip: number | undefined): T | undefined {
  const others = skip === undefined ? list.length : list.length - 1;
  if (others <= 0) return undefined;
  const i = rng.int(0, others - 1);
  return list[skip !== undefined && i >= skip ? i + 1 : i];
}

/** The demo communes of the seed provinces, decided with the shipped units: the default set. */
export const DEMO_SEED_COMMUNES = new SeedCommuneSet('demo', SEED_COMMUNES);

/** The unit code valid on `date` for a household of `commune` (the old code, or its successor). */
export function communeCodeOn(commune: SeedCommune, successor: string, date: string): string {
  return date < DISTRICTS_ABOLISHED_ON ? commune.code : successor;
}
