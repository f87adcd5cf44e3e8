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
    defaultOffset: 1,
    // A decision signed early in the list year itself is allowed when stated explicitly.
    allowedOffsets: [0, 1],
    basis:
      'The periodic review at the end of year Y (1 Sep – 14 Dec, Decision 24/2021/QĐ-TTg) decides the lists of ' +
      'year Y+1 and, by the precedent of 2021 (the late-2021 review applied the 2022–2025 standard), uses the ' +
      'standard of Y+1.',
    verify: '[verify for 2026] whether the late-2026 periodic review applies VN-2027-2030',
  },
  regular: {
    reviewType: 'regular',
    defaultOffset: 0,
    allowedOffsets: [0],
    basis: 'Regular reviews during year Y change the lists of year Y and use the standard of year Y.',
  },
};

/**
 * The list year a review decides: the stated one if the rule allows it, else the rule's default.
 * Throws LIST_YEAR_OUT_OF_RANGE for a stated year the rule does not allow.
 */
export function listYearFor(
  reviewType: ReviewType,
  effectiveDate: string,
  stated: number | undefined,
  rules: Record<ReviewType, ListYearRule> = LIST_YEAR_RULES,
): number {
  const rule = rules[reviewType];
  const year = yearOf(effectiveDate);
  if (stated === undefined) return year + rule.defaultOffset;
  if (!rule.allowedOffsets.some((offset) => year + offset === stated)) {
    throw domainError(
      'LIST_YEAR_OUT_OF_RANGE',
      `a ${reviewType} review effective ${effectiveDate} cannot decide the lists of ${stated}`,
      { reviewType, effectiveDate, listYear: stated, allowed: rule.allowedOffsets.map((o) => year + o) },
    );
  }
  return stated;
}
