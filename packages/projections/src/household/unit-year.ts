import { type RegisteredHousehold, yearOf } from '@benvung/domain';
import type { HouseholdFold } from './fold.js';
import { placeOn } from './geography.js';

/** The counted columns of unit_year_stats, in a fixed order. */
export const UNIT_YEAR_COUNTS = [
  'reviewed',
  'poor',
  'near_poor',
  'escaped',
  'escaped_near_poverty',
  'relapsed',
  'relapsed_near_poverty',
  'newly_poor',
  'closing_poor',
  'closing_near_poor',
] as const;
/** One counted column of unit_year_stats. */
export type UnitYearCount = (typeof UNIT_YEAR_COUNTS)[number];

/** One household's part of one unit-year: 0 or 1 per counted column. */
export interface Contribution {
  unitCode: string;
  year: number;
  counts: Record<UnitYearCount, number>;
}

const bit = (b: boolean) => (b ? 1 : 0);

/**
 * What a household adds to unit_year_stats, one contribution per year in which a counting review of
 * it took effect, in the unit it was recorded in on the date of that year's last review (see
 * UnitYearStatsTable for each column). A pure function of the fold, so the projection applies the
 * difference between a household's contributions before and after a batch — a void or an amendment
 * takes back exactly what the household had added.
 */
export function contributions(fold: HouseholdFold): Contribution[] {
  const h = fold.state;
  if (h.status === 'unregistered') return [];
  const byYear = new Map<number, RegisteredHousehold['reviews'][number][]>();
  for (const review of h.reviews) {
    const year = yearOf(review.effectiveDate);
    const reviews = byYear.get(year);
    if (reviews) reviews.push(review);
    else byYear.set(year, [review]);
  }
  const out: Contribution[] = [];
  for (const [year, reviews] of byYear) {
    const last = reviews[reviews.length - 1];
    const place = last && placeOn(fold.places, last.effectiveDate);
    if (!last || !place) continue;
    const openAtYearEnd = h.status !== 'closed' || h.closedOn > `${year}-12-31`;
    const any = (test: (r: (typeof reviews)[number]) => boolean) => bit(reviews.some(test));
    out.push({
      unitCode: place.unitCode,
      year,
      counts: {
        reviewed: 1,
        poor: any((r) => r.classification === 'poor'),
        near_poor: any((r) => r.classification === 'near_poor'),
        escaped: any((r) => r.transition === 'escaped_poverty'),
        escaped_near_poverty: any((r) => r.transition === 'escaped_near_poverty'),
        relapsed: any((r) => r.transition === 'relapsed'),
        relapsed_near_poverty: any((r) => r.transition === 'relapsed_near_poverty'),
        newly_poor: any((r) => r.transition === 'newly_poor'),
        closing_poor: bit(openAtYearEnd && last.classification === 'poor'),
        closing_near_poor: bit(openAtYearEnd && last.classification === 'near_poor'),
      },
    });
  }
  return out;
}

const zeroCounts = (): Record<UnitYearCount, number> => ({
  reviewed: 0,
  poor: 0,
  near_poor: 0,
  escaped: 0,
  escaped_near_poverty: 0,
  relapsed: 0,
  relapsed_near_poverty: 0,
  newly_poor: 0,
  closing_poor: 0,
  closing_near_poor: 0,
});

/** A change to one unit_year_stats row: the amount to add to each count (negative to take back). */
export type UnitYearDelta = { unit_code: string; year: number } & Record<UnitYearCount, number>;

/** Sums contributions (sign +1) and takes others back (sign −1) per unit-year. */
export class UnitYearDeltas {
  readonly #rows = new Map<string, UnitYearDelta>();

  add(items: readonly Contribution[], sign: 1 | -1): void {
    for (const c of items) {
      const key = `${c.unitCode}|${c.year}`;
      let row = this.#rows.get(key);
      if (!row) {
        row = { unit_code: c.unitCode, year: c.year, ...zeroCounts() };
        this.#rows.set(key, row);
      }
      for (const k of UNIT_YEAR_COUNTS) row[k] += sign * c.counts[k];
    }
  }

  /** The unit-years whose counts change. */
  changed(): UnitYearDelta[] {
    return [...this.#rows.values()].filter((row) => UNIT_YEAR_COUNTS.some((k) => row[k] !== 0));
  }
}
