import { addDays } from '@benvung/domain';
import { HttpProblem } from '../../plugins/problem.js';
import { today } from '../today.js';

/** The dates a report is computed for. */
export interface ReportDates {
  year: number;
  /** The date the report is asked as of: only figures and targets recorded by its end count. */
  asOf: string;
  /** The end of `asOf` in Vietnam: the first instant not counted. */
  recordedBefore: Date;
  /** The date whose units the report's rows are (old codes roll up to the units holding them then). */
  unitsOn: string;
  /** The year has not ended on `asOf`: the figures so far, not a year's result. */
  provisional: boolean;
}

/** Midnight at the start of a day in Vietnam (UTC+7, no daylight saving). */
const startOfDay = (date: string): Date => new Date(`${date}T00:00:00+07:00`);

/** The end of a day in Vietnam: what was recorded before it was recorded "by" that day. */
export const endOfDay = (date: string): Date => startOfDay(addDays(date, 1));

/**
 * The dates of a report for `year` asked as of `asOf` (default today). A report is reproducible for a
 * year that had ended by `asOf`: asked again later with the same `asOf`, it says what was recorded since.
 * So `asOf` may fall inside the year only when it is today (the running year's figures so far), and
 * never after today (what will have been recorded by then is not known).
 */
export function reportDates(q: { year: number; asOf?: string | undefined; unitsOn?: string | undefined }): ReportDates {
  const now = today();
  const asOf = q.asOf ?? now;
  if (asOf > now) {
    throw new HttpProblem(400, 'AS_OF_IN_FUTURE', 'Date in the future', `asOf ${asOf} is after today (${now})`, {
      asOf,
      today: now,
    });
  }
  const yearEnd = `${q.year}-12-31`;
  if (asOf < yearEnd && asOf !== now) {
    throw new HttpProblem(
      422,
      'REPORT_YEAR_NOT_ENDED',
      'The year had not ended',
      `the year ${q.year} had not ended on ${asOf}: ask as of ${yearEnd} or later, or as of today for the figures so far`,
      { year: q.year, asOf },
    );
  }
  return {
    year: q.year,
    asOf,
    recordedBefore: endOfDay(asOf),
    unitsOn: q.unitsOn ?? asOf,
    provisional: asOf < yearEnd,
  };
}
