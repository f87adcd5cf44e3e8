import { type LoanProgrammeId, programmeRowOn } from './loan-programmes.js';

/**
 * A programme's cap on loan amount and term, in force from `validFrom` to `validTo` (inclusive; open
 * ends are unbounded). A missing maximum means the programme sets none on that date, so only
 * `LOAN_LIMITS` applies.
 */
export interface LoanCap {
  programme: LoanProgrammeId;
  validFrom?: string;
  validTo?: string;
  maxAmountVnd?: number;
  maxTermMonths?: number;
  basis: string;
  verify?: string;
}

/**
 * Caps by programme and date. Caps change with the programme's legal basis, so a loan is held to the
 * cap in force on the day it was granted. Programmes not listed only get `LOAN_LIMITS`.
 */
export const LOAN_CAPS: readonly LoanCap[] = [
  {
    programme: 'poor_household',
    validFrom: '2019-01-01',
    maxAmountVnd: 100_000_000,
    maxTermMonths: 120,
    basis: 'Poor households borrow up to 100 million VND without collateral, terms up to 120 months (since 2019).',
    verify:
      '[verify] the exact date in 2019 these limits took effect; [verify] the current limits: Decree 06/2026 ' +
      'leaves amounts and terms to each programme. Earlier loans are held only to LOAN_LIMITS.',
  },
  {
    programme: 'near_poor_household',
    maxAmountVnd: 100_000_000,
    maxTermMonths: 60,
    basis:
      'Near-poor household loans (Decision 15/2013/QĐ-TTg): the maximum amount equals the poor-household ' +
      'loan maximum (100 million VND since 2019).',
    verify:
      '[verify] the 60-month term cap, the figure commonly cited for Decision 15/2013/QĐ-TTg; [verify] the ' +
      'amount follows the poor-household maximum, which was lower before 2019 (not encoded); [verify] ' +
      'whether Decree 06/2026 changed either limit.',
  },
  {
    programme: 'newly_escaped_household',
    maxAmountVnd: 100_000_000,
    maxTermMonths: 60,
    basis:
      'Newly-escaped households (Decision 28/2015/QĐ-TTg): maximum amount equal to the poor-household ' +
      'maximum, term up to 5 years.',
    verify:
      '[verify] 100 million VND assumes the poor-household maximum in force since 2019 (lower before, not ' +
      'encoded); [verify] whether Decree 06/2026 changed either limit.',
  },
];

/** The cap of a programme in force on a date, if the table has one. */
export const loanCapOn = (
  programme: LoanProgrammeId,
  date: string,
  caps: readonly LoanCap[] = LOAN_CAPS,
): LoanCap | undefined => programmeRowOn(caps, programme, date);
