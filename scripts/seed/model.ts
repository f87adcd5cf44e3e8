import { type Area, type ListClassification, standardForListYear } from '@benvung/domain';
import type { Rng } from './rng.js';

/**
 * The behaviour of the synthetic population, tuned so that the lists look like DOMAIN.md's figures:
 * 10–20% of households listed at the start, escapes of tens of percent a year (more with productive
 * support), relapses of a few percent to ~10% a year of the escaped, a trickle of newly poor, and a
 * jump of new listings when the 2027 standard raises the income lines.
 */

/** What the yearly transition depends on. */
export interface TransitionInput {
  current: ListClassification;
  /** Escaped at an earlier review (so a new listing is a relapse). */
  hasEscaped: boolean;
  /** Years since the last escape, if any. */
  yearsSinceEscape: number | undefined;
  /** Productive support (loan, livelihood, training completed, job, production, housing) since the last review. */
  productiveSupport: boolean;
  /** Had training completed, a job or a livelihood model before escaping: relapses less. */
  resilient: boolean;
  unableToEscape: boolean;
  /** The review applies a new standard with higher lines (the 2027 lists). */
  lineRaised: boolean;
  /** The commune's poverty factor (poorer communes list more). */
  povertyFactor: number;
}

/** The classification the periodic review will find. */
export function periodicTarget(rng: Rng, t: TransitionInput): ListClassification {
  const r = rng.next();
  switch (t.current) {
    case 'poor': {
      let leave = t.unableToEscape ? 0.04 : t.productiveSupport ? 0.46 : 0.24;
      if (t.lineRaised) leave *= 0.5;
      if (r >= leave) return 'poor';
      return rng.chance(0.45) ? 'non_poor' : 'near_poor';
    }
    case 'near_poor': {
      let up = t.unableToEscape ? 0.05 : t.productiveSupport ? 0.4 : 0.24;
      let down = t.hasEscaped ? 0.06 : 0.035;
      if (t.lineRaised) {
        up *= 0.5;
        down *= 1.5;
      }
      if (r < up) return 'non_poor';
      if (r < up + down) return 'poor';
      return 'near_poor';
    }
    case 'non_poor': {
      if (t.hasEscaped) {
        let hazard = t.yearsSinceEscape !== undefined && t.yearsSinceEscape < 1.5 ? 0.085 : 0.05;
        if (t.resilient) hazard *= 0.55;
        if (t.lineRaised) hazard *= 2;
        if (r >= hazard) return 'non_poor';
        return rng.chance(0.45) ? 'poor' : 'near_poor';
      }
      const scale = t.povertyFactor * (t.lineRaised ? 3 : 1);
      if (r < 0.0035 * scale) return 'poor';
      if (r < 0.0125 * scale) return 'near_poor';
      return 'non_poor';
    }
  }
}

/** The classification of a household's first review. */
export function baselineTarget(rng: Rng, povertyFactor: number): ListClassification {
  const r = rng.next();
  if (r < 0.075 * povertyFactor) return 'poor';
  if (r < 0.145 * povertyFactor) return 'near_poor';
  return 'non_poor';
}

/** Deprivation indicators, weighted by how often poor households lack them. */
const INDICATOR_WEIGHTS: Record<string, number> = {
  employment: 1.2,
  dependants: 0.8,
  nutrition: 0.4,
  health_insurance: 1.0,
  adult_education: 1.0,
  child_schooling: 0.4,
  housing_quality: 0.9,
  housing_area: 0.6,
  water: 0.7,
  sanitation: 1.0,
  telecom: 0.3,
  information_access: 0.5,
  waste_handling: 0.8,
  internet_access: 0.9,
  digital_services: 1.1,
};

const indicatorCache = new Map<number, readonly string[]>();

/** The indicator codes of the standard deciding a list year. */
export function indicatorsFor(listYear: number): readonly string[] {
  let codes = indicatorCache.get(listYear);
  if (!codes) {
    codes = standardForListYear(listYear).indicators.map((i) => i.code);
    indicatorCache.set(listYear, codes);
  }
  return codes;
}

/** The income line of the standard deciding a list year. */
export const incomeLine = (listYear: number, area: Area): number => standardForListYear(listYear).incomeLine[area];

/**
 * The deprivations a review records: the household's lasting ones that the standard knows, topped up
 * (poor: at least 3) or trimmed (near-poor: at most 2). `deprived` is updated in place.
 */
export function drawDeprivations(
  rng: Rng,
  target: ListClassification,
  listYear: number,
  deprived: Set<string>,
): string[] {
  const codes = indicatorsFor(listYear);
  const known = codes.filter((c) => deprived.has(c));
  let wanted: number;
  if (target === 'poor')
    wanted = rng.weighted([
      [3, 45],
      [4, 30],
      [5, 17],
      [6, 8],
    ] as const);
  else if (target === 'near_poor')
    wanted = rng.weighted([
      [0, 25],
      [1, 40],
      [2, 35],
    ] as const);
  else
    wanted = rng.weighted([
      [0, 55],
      [1, 28],
      [2, 13],
      [3, 4],
    ] as const);
  if (target !== 'poor' && known.length > wanted) {
    // The household improved: what the review no longer finds is gone.
    for (const c of known.slice(wanted)) deprived.delete(c);
    known.length = wanted;
  }
  while (known.length < wanted) {
    const candidates = codes.filter((c) => !known.includes(c));
    if (candidates.length === 0) break;
    const code = rng.weighted(candidates.map((c) => [c, INDICATOR_WEIGHTS[c] ?? 0.5] as const));
    known.push(code);
    deprived.add(code);
  }
  return known;
}

/** Monthly income per person consistent with the target under the list year's line. */
export function drawIncome(
  rng: Rng,
  target: ListClassification,
  line: number,
  prosperity: number,
  nearTheLine: boolean,
): number {
  const step = 10_000;
  if (target === 'poor') return Math.floor((line * rng.between(0.45, 0.97)) / step) * step;
  if (target === 'near_poor') return Math.floor((line * rng.between(0.68, 0.995)) / step) * step;
  const ratio = nearTheLine ? rng.between(1.03, 1.45) : Math.max(1.03, prosperity * rng.between(0.92, 1.08));
  return Math.ceil((line * ratio) / step) * step;
}

/** An amount rounded to `step`, at least one step. */
export const roundTo = (amount: number, step: number): number => Math.max(step, Math.round(amount / step) * step);
