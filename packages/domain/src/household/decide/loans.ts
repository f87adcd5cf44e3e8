import type { z } from 'zod';
import type { RuleSet, Versioned } from '../../rules/rule-book.js';
import { domainError } from '../../shared/error-codes.js';
import { assertNever } from '../../shared/exhaustive.js';
import {
  LOAN_LIMITS,
  type LoanCap,
  type LoanProgramme,
  loanCapOn,
  loanProgramme,
  vbspRateOn,
} from '../../standards/loan-programmes.js';
import type { HouseholdEvent } from '../events.js';
import type { LoanInput } from '../inputs/support-action-input.js';
import type { ActiveHousehold, LoanState } from '../state.js';
import { classificationOn, newlyEscapedOn } from '../transitions.js';
import type { DecideContext } from './context.js';
import { checkAmount, checkNotBefore, checkOptionalAmount } from './guards.js';
import { componentFields } from './programme-component.js';

type LoanAction = z.infer<typeof LoanInput>;
type Grant = Extract<LoanAction, { action: 'granted' }>;

const isVbsp = (lender: string) => /^(vbsp|nhcsxh)$/i.test(lender.trim());

/** The programme the loan names, in force among the rules of its date. */
function programmeOf(input: Grant, rules: RuleSet): LoanProgramme {
  const programme = loanProgramme(input.programme, rules.loanProgrammes);
  if (!programme) {
    throw domainError('UNKNOWN_LOAN_PROGRAMME', `no lending programme ${input.programme} on ${input.occurredAt}`, {
      programme: input.programme,
      allowed: rules.loanProgrammes.map((p) => p.id),
    });
  }
  return programme;
}

function checkEligible(household: ActiveHousehold, input: Grant, programme: LoanProgramme): void {
  const eligibility = programme.eligibility;
  if (eligibility === undefined) return;
  if (eligibility === 'newly_escaped') {
    if (!newlyEscapedOn(household, input.occurredAt)) {
      throw domainError(
        'NOT_NEWLY_ESCAPED',
        `a newly-escaped-household loan needs an escape within 36 months before ${input.occurredAt}`,
        { date: input.occurredAt, lastEscape: household.escapes[household.escapes.length - 1]?.on },
      );
    }
    return;
  }
  const classification = classificationOn(household, input.occurredAt);
  if (classification !== eligibility) {
    throw domainError(
      'LOAN_PROGRAMME_NOT_ELIGIBLE',
      `a ${input.programme} loan needs a ${eligibility} household; it was ${classification} on ${input.occurredAt}`,
      { programme: input.programme, classification, date: input.occurredAt },
    );
  }
}

/**
 * The rate the loan records, and the rule version of the rate table it came from: the VBSP table's
 * where it has one (a different stated rate is refused).
 */
function rateOf(input: Grant, rules: RuleSet): { rate: number; version: number | undefined } {
  const table = isVbsp(input.lender) ? vbspRateOn(input.programme, input.occurredAt, rules.loanRates) : undefined;
  const stated = input.annualRatePercent;
  if (table && stated !== undefined && Math.abs(table.annualRatePercent - stated) > 1e-9) {
    throw domainError(
      'LOAN_RATE_MISMATCH',
      `the VBSP rate for ${input.programme} on ${input.occurredAt} is ${table.annualRatePercent}%, not ${stated}%`,
      { expected: table.annualRatePercent, stated, basis: table.basis },
    );
  }
  const rate = stated ?? table?.annualRatePercent;
  if (rate === undefined) {
    throw domainError('LOAN_RATE_REQUIRED', `no rate on record for ${input.programme} from ${input.lender}: state it`, {
      programme: input.programme,
      lender: input.lender,
    });
  }
  if (!(rate > 0 && rate <= LOAN_LIMITS.maxAnnualRatePercent)) {
    throw domainError('LOAN_RATE_OUT_OF_RANGE', `an annual rate must be in (0, ${LOAN_LIMITS.maxAnnualRatePercent}]%`, {
      rate,
    });
  }
  return { rate, version: table?.version };
}

const vnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} VND`;

/** The amount must be a whole positive amount within LOAN_LIMITS and the programme's cap on the day. */
function checkLoanAmount(input: Grant, cap: LoanCap | undefined): void {
  const max = cap?.maxAmountVnd;
  const byCap = cap !== undefined && max !== undefined && max <= LOAN_LIMITS.maxAmountVnd;
  if (byCap && Number.isInteger(input.amountVnd) && input.amountVnd > max) {
    throw domainError(
      'AMOUNT_OUT_OF_RANGE',
      `a ${input.programme} loan on ${input.occurredAt} is capped at ${vnd(max)} (${cap.basis}): ${vnd(input.amountVnd)}`,
      { field: 'amountVnd', value: input.amountVnd, max, programme: input.programme, basis: cap.basis },
    );
  }
  checkAmount('amountVnd', input.amountVnd, LOAN_LIMITS.maxAmountVnd);
}

/** The term must be whole months within LOAN_LIMITS and the programme's cap on the day. */
function checkLoanTerm(input: Grant, cap: LoanCap | undefined): void {
  const capMax = cap?.maxTermMonths;
  const byCap = cap !== undefined && capMax !== undefined && capMax <= LOAN_LIMITS.maxTermMonths;
  const max = byCap ? capMax : LOAN_LIMITS.maxTermMonths;
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > max) {
    throw domainError(
      'LOAN_TERM_OUT_OF_RANGE',
      `a ${input.programme} loan on ${input.occurredAt} runs 1–${max} months${byCap ? ` (${cap.basis})` : ''}`,
      { termMonths: input.termMonths, max, programme: input.programme, ...(byCap ? { basis: cap.basis } : {}) },
    );
  }
}

function grant(household: ActiveHousehold, input: Grant, ctx: DecideContext): HouseholdEvent {
  if (household.loans[input.loanId]) {
    throw domainError('LOAN_ALREADY_RECORDED', `loan ${input.loanId} is already recorded`, { loanId: input.loanId });
  }
  // The rules in force on the loan's date: its programme, rate and cap.
  const rules = ctx.rules.on(input.occurredAt);
  const programme = programmeOf(input, rules);
  const cap: Versioned<LoanCap> | undefined = loanCapOn(input.programme, input.occurredAt, rules.loanCaps);
  checkLoanAmount(input, cap);
  checkLoanTerm(input, cap);
  checkEligible(household, input, programme);
  const rate = rateOf(input, rules);
  return {
    type: 'LoanGranted',
    data: {
      loanId: input.loanId,
      programme: input.programme,
      amountVnd: input.amountVnd,
      termMonths: input.termMonths,
      annualRatePercent: rate.rate,
      ...(rate.version !== undefined ? { rateVersion: rate.version } : {}),
      ...(cap ? { capVersion: cap.version } : {}),
      lender: input.lender,
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...componentFields(input, rules),
      occurredOn: input.occurredAt,
    },
  };
}

/** The loan a follow-up refers to, still open, on or after its grant. */
function openLoan(household: ActiveHousehold, loanId: string, date: string): LoanState {
  const loan = household.loans[loanId];
  if (!loan) throw domainError('LOAN_NOT_FOUND', `no loan ${loanId} is recorded`, { loanId });
  if (loan.status === 'repaid' || loan.status === 'written_off') {
    throw domainError('LOAN_CLOSED', `loan ${loanId} is ${loan.status}`, { loanId, loanStatus: loan.status });
  }
  checkNotBefore('date', date, loan.grantedOn);
  return loan;
}

/** Decides a loan grant or follow-up. */
export function decideLoan(household: ActiveHousehold, input: LoanAction, ctx: DecideContext): HouseholdEvent {
  switch (input.action) {
    case 'granted':
      return grant(household, input, ctx);
    case 'repaid': {
      const loan = openLoan(household, input.loanId, input.occurredAt);
      checkAmount('amountVnd', input.amountVnd, LOAN_LIMITS.maxAmountVnd);
      if (input.amountVnd > loan.outstandingVnd) {
        throw domainError(
          'REPAYMENT_EXCEEDS_OUTSTANDING',
          `repaying ${input.amountVnd} of a loan with ${loan.outstandingVnd} outstanding`,
          { loanId: loan.loanId, amountVnd: input.amountVnd, outstandingVnd: loan.outstandingVnd },
        );
      }
      return {
        type: 'LoanRepaid',
        data: {
          loanId: loan.loanId,
          amountVnd: input.amountVnd,
          outstandingVnd: loan.outstandingVnd - input.amountVnd,
          occurredOn: input.occurredAt,
        },
      };
    }
    case 'overdue': {
      const loan = openLoan(household, input.loanId, input.occurredAt);
      checkOptionalAmount('overdueAmountVnd', input.overdueAmountVnd, loan.outstandingVnd);
      return {
        type: 'LoanMarkedOverdue',
        data: {
          loanId: loan.loanId,
          ...(input.overdueAmountVnd !== undefined ? { overdueAmountVnd: input.overdueAmountVnd } : {}),
          occurredOn: input.occurredAt,
        },
      };
    }
    case 'written_off': {
      const loan = openLoan(household, input.loanId, input.occurredAt);
      return {
        type: 'LoanWrittenOff',
        data: {
          loanId: loan.loanId,
          amountVnd: loan.outstandingVnd,
          reason: input.reason,
          occurredOn: input.occurredAt,
        },
      };
    }
    default:
      return assertNever(input, 'loan action');
  }
}
