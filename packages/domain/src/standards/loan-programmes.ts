import { z } from 'zod';
import { withinDates } from '../shared/dates.js';

/** VBSP (and other) lending programmes a loan is recorded under. */
export const LoanProgrammeId = z.enum([
  'poor_household',
  'near_poor_household',
  'newly_escaped_household',
  'water_sanitation',
  'housing',
  'job_creation',
  'labour_export',
  'student',
  'other',
]);
export type LoanProgrammeId = z.infer<typeof LoanProgrammeId>;

/** Who may borrow under a programme, read from the household's classification at the loan date. */
export type LoanEligibility = 'poor' | 'near_poor' | 'newly_escaped';

/** A programme's eligibility, as data. Its amount and term caps are dated: see `LOAN_CAPS`. */
export interface LoanProgramme {
  id: LoanProgrammeId;
  eligibility?: LoanEligibility;
  basis: string;
  verify?: string;
}

/** A dated annual rate, inclusive at both ends; open ends are unbounded. */
export interface LoanRate {
  programme: LoanProgrammeId;
  validFrom?: string;
  validTo?: string;
  annualRatePercent: number;
  basis: string;
  verify?: string;
}

/** Bounds for any loan, whatever the programme: beyond them an entry is a typing mistake. */
export const LOAN_LIMITS = { maxAmountVnd: 1_000_000_000, maxTermMonths: 240, maxAnnualRatePercent: 30 } as const;

/**
 * Who may borrow under each programme, where DOMAIN.md makes it clear. Amount and term caps are dated
 * data in `LOAN_CAPS`; programmes without a cap only get LOAN_LIMITS.
 */
export const LOAN_PROGRAMMES: readonly LoanProgramme[] = [
  {
    id: 'poor_household',
    eligibility: 'poor',
    basis: 'Poor-household loans (VBSP), to households classified poor on the loan date.',
  },
  {
    id: 'near_poor_household',
    eligibility: 'near_poor',
    basis: 'Near-poor household loans (VBSP; Decision 15/2013/QĐ-TTg).',
  },
  {
    id: 'newly_escaped_household',
    eligibility: 'newly_escaped',
    basis: 'Newly-escaped households (Decision 28/2015/QĐ-TTg): within 3 years (36 months) of escaping.',
  },
  { id: 'water_sanitation', basis: 'Rural water supply and sanitation loans (VBSP).' },
  { id: 'housing', basis: 'Housing loans (VBSP).' },
  { id: 'job_creation', basis: 'Job-creation loans (VBSP).' },
  { id: 'labour_export', basis: 'Loans for working abroad under contract (VBSP).' },
  { id: 'student', basis: 'Student loans (VBSP).' },
  { id: 'other', basis: 'Any other lender or programme.' },
];

/**
 * VBSP rates by programme and date. A rate change also applies to outstanding loans (Decision
 * 2553/QĐ-TTg); a loan records the rate in force when it was granted.
 */
export const VBSP_LOAN_RATES: readonly LoanRate[] = [
  {
    programme: 'poor_household',
    validTo: '2025-11-30',
    annualRatePercent: 6.6,
    basis: 'VBSP rate for poor households',
    verify: '[verify] the date this rate came into force',
  },
  {
    programme: 'poor_household',
    validFrom: '2025-12-01',
    annualRatePercent: 6.24,
    basis: 'Decision 2553/QĐ-TTg',
  },
  {
    programme: 'near_poor_household',
    validTo: '2025-11-30',
    annualRatePercent: 7.92,
    basis: '120% of the poor-household rate',
    verify: '[verify] the date this rate came into force',
  },
  {
    programme: 'near_poor_household',
    validFrom: '2025-12-01',
    annualRatePercent: 7.488,
    basis: 'Decision 2553/QĐ-TTg; 120% of the poor-household rate',
  },
  {
    programme: 'newly_escaped_household',
    validTo: '2025-11-30',
    annualRatePercent: 8.25,
    basis: '125% of the poor-household rate (overdue 130%)',
    verify: '[verify] the date this rate came into force',
  },
  {
    programme: 'newly_escaped_household',
    validFrom: '2025-12-01',
    annualRatePercent: 7.8,
    basis: 'Decision 2553/QĐ-TTg; 125% of the poor-household rate',
  },
];

/** The programme's rules. */
export function loanProgramme(
  id: LoanProgrammeId,
  programmes: readonly LoanProgramme[] = LOAN_PROGRAMMES,
): LoanProgramme | undefined {
  return programmes.find((p) => p.id === id);
}

/** The row of a dated per-programme table (rates, caps) in force on a date, if it has one. */
export function programmeRowOn<Row extends { programme: LoanProgrammeId; validFrom?: string; validTo?: string }>(
  rows: readonly Row[],
  programme: LoanProgrammeId,
  date: string,
): Row | undefined {
  return rows.find((r) => r.programme === programme && withinDates(date, r.validFrom, r.validTo));
}

/** The VBSP rate of a programme in force on a date, if the table has one. */
export const vbspRateOn = (
  programme: LoanProgrammeId,
  date: string,
  rates: readonly LoanRate[] = VBSP_LOAN_RATES,
): LoanRate | undefined => programmeRowOn(rates, programme, date);
