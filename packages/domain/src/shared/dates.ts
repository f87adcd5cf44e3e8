/**
 * Calendar dates as `YYYY-MM-DD` strings. Business dates in this domain are days, not instants, and
 * ISO strings compare correctly as strings, so no Date object (and no time zone) is ever involved.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new TypeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 30;
}

/** The calendar year of a date. */
export const yearOf = (date: string): number => parts(date)[0];

/**
 * Adds whole months; the day is clamped to the target month's length (29 Feb + 12 months = 28 Feb),
 * which is how "36 months after the escape" is read.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Adds (or with a negative number, subtracts) days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  // Date.UTC only does calendar arithmetic here: no clock is read.
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a date lies in an inclusive range whose open ends are unbounded. */
export function withinDates(date: string, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}
