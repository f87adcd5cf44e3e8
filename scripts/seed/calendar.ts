import { addDays, addMonths } from '@benvung/domain';
import { hash32, hashString, type Rng } from './rng.js';

/**
 * Fixed dates of the synthetic history (no clock is read): follow-up starts with the lists of 2022 and
 * runs to the end of November 2026, during the periodic review of 2026.
 */
export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2026;
/** Nothing is generated after this day. */
export const SIMULATION_END = '2026-11-30';

export { addDays, addMonths };

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A day drawn uniformly in [from, to] (inclusive); `from` when the range is empty. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** The later of two dates. */
export const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * The day a commune's periodic review of `year` takes effect: one decision of the commune chair for
 * all its households, between 15 September and 14 December (30 November in 2026, the last year).
 * Decisions of early 2022 state the 2022 lists (the late-2021 review's result) in January–February.
 */
export function periodicReviewDate(seed: number, communeCode: string, year: number): string {
  const h = hash32(seed, hashString(communeCode), year, 0x72657669);
  if (year < FIRST_YEAR) return addDays(isoDate(FIRST_YEAR, 1, 6), h % 45);
  const from = isoDate(year, 9, 15);
  const to = year === LAST_YEAR ? SIMULATION_END : isoDate(year, 12, 14);
  return addDays(from, h % (daysBetween(from, to) + 1));
}

/** The number of that decision (số quyết định), e.g. `412/QĐ-UBND`. */
export function periodicDecisionNo(seed: number, communeCode: string, year: number): string {
  return `${100 + (hash32(seed, hashString(communeCode), year, 0x6465636e) % 900)}/QĐ-UBND`;
}
