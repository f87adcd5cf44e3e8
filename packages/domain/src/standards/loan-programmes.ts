import { programmeRowOn, type Versioned } from '../rules/rule-book.js';
import { type LoanCap, type LoanProgramme, type LoanRate, RuleCode } from '../rules/schemas.js';
import { SHIPPED_RULE_BOOK } from '../rules/shipped.js';

export type { LoanCap, LoanEligibility, LoanProgramme, LoanRate } from '../rules/schemas.js';

/**
 * The code of a lending programme a loan is recorded under (`poor_household`, `student`, …). The
 * programmes themselves are rule data (packages/domain/rules/loans.json): a loan names one in force.
 */
export const LoanProgrammeId = RuleCode;
export type LoanProgrammeId = string;

/** Bounds for any loan, whatever the programme: beyond them an entry is a typing mistake. */
export const LOAN_LIMITS = { maxAmountVnd: 1_000_000_000, maxTermMonths: 240, maxAnnualRatePercent: 30 } as const;

const shipped = SHIPPED_RULE_BOOK.on('9999-12-31');

/** The shipped lending programmes. */
export const LOAN_PROGRAMMES: readonly Versioned<LoanProgramme>[] = shipped.loanProgrammes;

/**
 * The shipped VBSP rates by programme and date. A rate change also applies to outstanding loans
 * (Decision 2553/QĐ-TTg); a loan records the rate in force when it was granted.
 */
export const VBSP_LOAN_RATES: readonly Versioned<LoanRate>[] = shipped.loanRates;

/**
 * The shipped caps by programme and date: a loan is held to the cap in force on the day it was
 * granted. Programmes without one only get LOAN_LIMITS.
 */
export const LOAN_CAPS: readonly Versioned<LoanCap>[] = shipped.loanCaps;

/** The programme's rules. */
export function loanProgramme<P extends LoanProgramme>(
  id: LoanProgrammeId,
  programmes: readonly P[] = LOAN_PROGRAMMES as readonly P[],
): P | undefined {
  return programmes.find((p) => p.id === id);
}

/** The VBSP rate of a programme in force on a date, if the table has one. */
export function vbspRateOn<R extends LoanRate = Versioned<LoanRate>>(
  programme: LoanProgrammeId,
  date: string,
  rates?: readonly R[],
): R | undefined {
  return programmeRowOn(rates ?? (VBSP_LOAN_RATES as unknown as readonly R[]), programme, date);
}

/** The cap of a programme in force on a date, if the table has one. */
export function loanCapOn<C extends LoanCap = Versioned<LoanCap>>(
  programme: LoanProgrammeId,
  date: string,
  caps?: readonly C[],
): C | undefined {
  return programmeRowOn(caps ?? (LOAN_CAPS as unknown as readonly C[]), programme, date);
}

export { programmeRowOn };
