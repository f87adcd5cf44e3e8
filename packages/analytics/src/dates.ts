import { AnalyticsInputError } from './errors.js';

/**
 * Business dates are `YYYY-MM-DD` strings, as in `@benvung/domain`: they compare correctly as
 * strings and carry no time zone. Only day counts go through `Date.UTC`, which has no DST.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parse(date: string, what: string): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Date.UTC rolls 2024-02-30 over into March; a real date survives the round trip.
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_DATE', `${what}: not an ISO date: ${date}`, { date });
  }
  return ms;
}

/** The calendar year of an ISO date. */
export function yearOfDate(date: string, what = 'date'): number {
  parse(date, what);
  return Number(date.slice(0, 4));
}

/**
 * Whole days from `from` to `to` (negative if `to` is earlier): the survival time of an episode
 * that starts on its escape date and ends on its relapse or censoring date.
 *
 * @throws AnalyticsInputError when either is not a valid `YYYY-MM-DD` date.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to, 'to') - parse(from, 'from')) / MS_PER_DAY);
}
