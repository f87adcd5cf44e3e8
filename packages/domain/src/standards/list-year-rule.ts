import type { ReviewType } from '../household/values.js';
import { yearOf } from '../shared/dates.js';
import { domainError } from '../shared/error-codes.js';
import type { ListYearRule } from './types.js';

/**
 * Which list year a review decides. The standard then follows from the list year (see
 * `standardForListYear`), so the whole selection is data an administrator can correct.
 */
export const LIST_YEAR_RULES: Record<ReviewType, ListYearRule> = {
  periodic: {
    reviewType: 'periodic',
    // The campaign runs 1 Sep – 14 Dec; a decision can come up to the year's end.
    defaults: [{ from: '09-01', to: '12-31', offset: 1 }],
    // A late decision early in the next year may close the previous campaign: it must say which lists.
    allowedOffsets: [0, 1],
    basis:
      'The periodic review (rà soát định kỳ, 1 Sep – 14 Dec, Decision 24/2021/QĐ-TTg) effective from 1 September ' +
      'to 31 December of year Y decides the lists of Y+1 under the standard in force for Y+1 (Decree 351/2025/NĐ-CP ' +
      'keeps VN-2022-2026 for all of 2026 and starts VN-2027-2030 on 1 January 2027). Effective on any other date, ' +
      'a periodic review must state its list year, Y or Y+1.',
  },
  regular: {
    reviewType: 'regular',
    defaults: [{ from: '01-01', to: '12-31', offset: 0 }],
    allowedOffsets: [0],
    basis:
      'A regular review (rà soát thường xuyên) during year Y changes the lists of year Y under the standard of year Y.',
  },
  baseline: {
    reviewType: 'baseline',
    // A list imported from an earlier review names its year: nothing is assumed.
    defaults: [],
    allowedOffsets: [0, 1],
    basis:
      'A baseline records the list a household was on when follow-up began: the list year it states, effective ' +
      'from the start of that year (offset 0) or from the decision at the end of the year before (offset 1).',
  },
};

/** The list year a rule gives a review effective on `effectiveDate` that states none, if any. */
function defaultListYear(rule: ListYearRule, effectiveDate: string): number | undefined {
  const monthDay = effectiveDate.slice(5);
  const window = rule.defaults.find((w) => monthDay >= w.from && monthDay <= w.to);
  return window && yearOf(effectiveDate) + window.offset;
}

/**
 * The list year a review decides: the stated one if the rule allows it, else the rule's default for
 * the effective date. Throws LIST_YEAR_OUT_OF_RANGE for a stated year the rule does not allow, and
 * LIST_YEAR_REQUIRED when the review states none and the rule gives none for its date.
 */
export function listYearFor(
  reviewType: ReviewType,
  effectiveDate: string,
  stated: number | undefined,
  rules: Record<ReviewType, ListYearRule> = LIST_YEAR_RULES,
): number {
  const rule = rules[reviewType];
  const year = yearOf(effectiveDate);
  const allowed = rule.allowedOffsets.map((offset) => year + offset);
  if (stated === undefined) {
    const listYear = defaultListYear(rule, effectiveDate);
    if (listYear !== undefined) return listYear;
    throw domainError(
      'LIST_YEAR_REQUIRED',
      `a ${reviewType} review effective ${effectiveDate} must state the list year it decides (${allowed.join(' or ')})`,
      { reviewType, effectiveDate, allowed, basis: rule.basis },
    );
  }
  if (!allowed.includes(stated)) {
    throw domainError(
      'LIST_YEAR_OUT_OF_RANGE',
      `a ${reviewType} review effective ${effectiveDate} cannot decide the lists of ${stated}`,
      { reviewType, effectiveDate, listYear: stated, allowed },
    );
  }
  return stated;
}
