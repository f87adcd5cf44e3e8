import { type DomainError, IllegalStateError, NotFoundError, ValidationError } from './errors.js';
import { assertNever } from './exhaustive.js';

/**
 * Every code the domain throws, with its kind. The gateway maps the kind to a status; clients and
 * tests rely on the code, so a code is never renamed or reused for another meaning.
 */
export const DOMAIN_ERROR_CODES = {
  // the household's lifecycle
  HOUSEHOLD_ALREADY_REGISTERED: 'illegal_state',
  HOUSEHOLD_NOT_FOUND: 'not_found',
  HOUSEHOLD_CLOSED: 'illegal_state',
  HOUSEHOLD_ID_MISMATCH: 'validation',
  NOTHING_CHANGED: 'illegal_state',
  COUNT_OUT_OF_RANGE: 'validation',
  MEMBERS_ARE_LISTED: 'illegal_state',
  MEMBER_ALREADY_LISTED: 'illegal_state',
  MEMBER_NOT_FOUND: 'not_found',
  HEAD_ALREADY_LISTED: 'illegal_state',
  LAST_MEMBER: 'illegal_state',
  NOTHING_TO_ERASE: 'illegal_state',
  // geography
  UNKNOWN_UNIT: 'validation',
  UNIT_NOT_VALID_ON_DATE: 'validation',
  UNIT_NOT_A_COMMUNE: 'validation',
  AREA_REQUIRED: 'validation',
  AREA_OVERRIDE_NEEDS_REASON: 'validation',
  DISTRICT_LEVEL_ABOLISHED: 'validation',
  UNIT_REGISTRY_INVALID: 'validation',
  CSV_INVALID: 'validation',
  // reviews and classification
  REVIEW_BEFORE_PREVIOUS: 'illegal_state',
  INCOME_OUT_OF_RANGE: 'validation',
  UNKNOWN_INDICATOR: 'validation',
  DUPLICATE_INDICATOR: 'validation',
  LIST_YEAR_OUT_OF_RANGE: 'validation',
  LIST_YEAR_REQUIRED: 'validation',
  BASELINE_NOT_FIRST: 'illegal_state',
  NO_STANDARD_FOR_LIST_YEAR: 'validation',
  // unable-to-escape flag
  FLAG_ALREADY_SET: 'illegal_state',
  FLAG_NOT_SET: 'illegal_state',
  FLAG_REQUIRES_LISTED_HOUSEHOLD: 'illegal_state',
  // support actions
  AMOUNT_OUT_OF_RANGE: 'validation',
  DATE_BEFORE_START: 'validation',
  LOAN_ALREADY_RECORDED: 'illegal_state',
  LOAN_NOT_FOUND: 'not_found',
  LOAN_CLOSED: 'illegal_state',
  LOAN_TERM_OUT_OF_RANGE: 'validation',
  LOAN_RATE_REQUIRED: 'validation',
  LOAN_RATE_MISMATCH: 'validation',
  LOAN_RATE_OUT_OF_RANGE: 'validation',
  LOAN_PROGRAMME_NOT_ELIGIBLE: 'illegal_state',
  UNKNOWN_LOAN_PROGRAMME: 'validation',
  UNKNOWN_PROGRAMME_COMPONENT: 'validation',
  COMPONENT_NOT_VALID_ON_DATE: 'validation',
  NOT_NEWLY_ESCAPED: 'illegal_state',
  REPAYMENT_EXCEEDS_OUTSTANDING: 'validation',
  TRAINING_ALREADY_RECORDED: 'illegal_state',
  TRAINING_NOT_FOUND: 'not_found',
  TRAINING_ALREADY_ENDED: 'illegal_state',
  HEALTH_CARDS_EXCEED_MEMBERS: 'validation',
  CARD_VALIDITY_BEFORE_ISSUE: 'validation',
  // corrections
  EVENT_NOT_FOUND: 'not_found',
  EVENT_ALREADY_VOIDED: 'illegal_state',
  EVENT_NOT_CORRECTABLE: 'illegal_state',
  EVENT_HAS_DEPENDANTS: 'illegal_state',
  AMENDMENT_TYPE_MISMATCH: 'validation',
  AMENDMENT_CHANGES_IDENTITY: 'validation',
  AMENDMENT_OUT_OF_ORDER: 'validation',
  // rule versions
  NO_RULES_IN_FORCE: 'validation',
  RULES_INVALID: 'validation',
  // review form scores
  FORM_SCORES_NOT_DEFINED: 'validation',
  FORM_SCORES_INCONSISTENT: 'validation',
  // review rounds
  ROUND_NOT_FOUND: 'not_found',
  ROUND_ID_MISMATCH: 'validation',
  ROUND_ALREADY_OPEN: 'illegal_state',
  ROUND_OUTSIDE_WINDOW: 'validation',
  ROUND_DECIDED: 'illegal_state',
  ROUND_LISTS_POSTED: 'illegal_state',
  ROUND_NOT_POSTED: 'illegal_state',
  ROUND_HAS_NO_REVIEWS: 'illegal_state',
  ROUND_MEETINGS_PENDING: 'illegal_state',
  ROUND_STEP_TOO_EARLY: 'validation',
  ROUND_DECISION_BEFORE_POSTING_ENDED: 'validation',
  ROUND_COMPLAINTS_UNRESOLVED: 'illegal_state',
  ROUND_HOUSEHOLD_NOT_PROPOSED: 'illegal_state',
  ROUND_HOUSEHOLD_OUTSIDE_UNIT: 'validation',
  ROUND_HOUSEHOLD_LISTED_TWICE: 'validation',
  ROUND_VILLAGE_REQUIRED: 'validation',
  ROUND_VILLAGE_MISMATCH: 'validation',
  ROUND_MEETING_OUTCOME_MISSING: 'validation',
  ROUND_MEETING_OUTCOME_RECORDED: 'illegal_state',
  ROUND_COMPLAINT_OPEN: 'illegal_state',
  ROUND_NO_OPEN_COMPLAINT: 'illegal_state',
  ROUND_NOT_DECIDED: 'illegal_state',
  ROUND_DECISION_ALREADY_APPLIED: 'illegal_state',
} as const satisfies Record<string, Exclude<DomainError['kind'], 'conflict'>>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** Builds the error of the right kind for a code, so a code can never be thrown with the wrong kind. */
export function domainError(code: DomainErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  const kind = DOMAIN_ERROR_CODES[code];
  switch (kind) {
    case 'validation':
      return new ValidationError(code, message, details);
    case 'illegal_state':
      return new IllegalStateError(code, message, details);
    case 'not_found':
      return new NotFoundError(code, message, details);
    default:
      return assertNever(kind, 'error kind');
  }
}
