import type { ReviewType } from '../household/values.js';
import { SHIPPED_RULE_BOOK } from '../rules/shipped.js';
import { yearOf } from '../shared/dates.js';
import { domainError } from '../shared/error-codes.js';
import type { ListYearRule } from './types.js';

/**
 * Which list year a review decides, as shipped (packages/domain/rules/list-year-rules.json). The standard
 * then follows from the list year (see `standardForListYear`), so the whole selection is data an
 * administrator can correct by loading a new version.
 */
export const LIST_YEAR_RULES: Readonly<Record<ReviewType, ListYearRule>> =
  SHIPPED_RULE_BOOK.on('9999-12-31').listYearRules;

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
  rules: Readonly<Record<ReviewType, ListYearRule>> = LIST_YEAR_RULES,
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
