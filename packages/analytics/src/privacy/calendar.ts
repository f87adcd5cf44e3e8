import { AnalyticsInputError } from '../errors.js';

/**
 * The publication calendar. Figures are published as of month ends only: two answers asked one
 * day apart are the same answer, so their difference cannot single out what happened in one day
 * (a relapse, an escape) to one household.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Mean month in days: month bands and rounded medians never depend on where month lengths fall. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Months in one band of a published life table (a quarter). */
export const MONTHS_PER_BAND = 3;

/**
 * The last month end on or before `asOf` (`asOf` itself when it is one): the date every analytics
 * answer is computed as of.
 *
 * @throws AnalyticsInputError for a malformed date.
 */
export function publicationDate(asOf: string): string {
  const m = ISO_DATE.exec(asOf);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const ms = Date.UTC(year, month - 1, day);
  if (!m || new Date(ms).toISOString().slice(0, 10) !== asOf) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_DATE', `asOf: not an ISO date: ${asOf}`, { date: asOf });
  }
  // Day 0 of the next month is this month's last day.
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  if (monthEnd === asOf) return asOf;
  return new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
}

/** Day count of the end of month `k` after an escape, on the mean-month grid. */
export const monthDays = (k: number): number => Math.round(k * DAYS_PER_MONTH);

/** A time in days rounded to the nearest whole month (in days), so it names no household's exact day. */
export function roundToMonth(days: number | null): number | null {
  return days === null ? null : monthDays(Math.round(days / DAYS_PER_MONTH));
}

/** The band ends (days) that cover follow-up up to `maxTime`: 91, 183, 274, … up to ≥ maxTime. */
export function bandEnds(maxTime: number): number[] {
  const ends: number[] = [];
  for (let k = MONTHS_PER_BAND; ; k += MONTHS_PER_BAND) {
    const end = monthDays(k);
    ends.push(end);
    if (end >= maxTime) return ends;
  }
}
