import { describe, expect, it } from 'vitest';
import {
  assessCommand,
  build,
  escaped,
  poor,
  poorLoan,
  registerCommand,
  registered,
  supportCommand,
} from './support/fixtures.js';
import { given } from './support/given.js';

const withLoan = () => build([registerCommand(), assessCommand(), supportCommand(poorLoan())]).history;
const repay = (amountVnd: number, occurredAt = '2024-06-01') =>
  supportCommand({ kind: 'loan', action: 'repaid', loanId: 'KU-001', amountVnd, occurredAt });

describe('loans', () => {
  it('grants a poor-household loan at the VBSP rate in force on the day', () => {
    const state = given(poor())
      .when(supportCommand(poorLoan({ purpose: 'Buy a cow', project: 'DA2' })))
      .then([
        {
          type: 'LoanGranted',
          data: {
            loanId: 'KU-001',
            programme: 'poor_household',
            amountVnd: 50_000_000,
            termMonths: 60,
            annualRatePercent: 6.6,
            lender: 'VBSP',
            purpose: 'Buy a cow',
            project: 'DA2',
            occurredOn: '2023-06-01',
          },
        },
      ]);
    expect(state).toMatchObject({
      loans: { 'KU-001': { outstandingVnd: 50_000_000, status: 'active' } },
      supportCounts: { loan: 1 },
    });
  });

  it('takes the rate of 1 December 2025 onwards', () =>
    given(poor())
      .when(supportCommand(poorLoan({ occurredAt: '2025-12-01' })))
      .thenMatch([{ data: { annualRatePercent: 6.24 } }]));

  it('accepts a stated rate equal to the table', () =>
    given(poor())
      .when(supportCommand(poorLoan({ annualRatePercent: 6.6 })))
      .thenMatch([{ data: { annualRatePercent: 6.6 } }]));

  it('refuses a stated rate that differs from the table', () =>
    given(poor())
      .when(supportCommand(poorLoan({ annualRatePercent: 7 })))
      .thenThrows('LOAN_RATE_MISMATCH'));

  it('needs a stated rate where the table has none', () =>
    given(poor())
      .when(supportCommand(poorLoan({ programme: 'job_creation', lender: 'Agribank' })))
      .thenThrows('LOAN_RATE_REQUIRED'));

  it('records another lender at its stated rate', () =>
    given(poor())
      .when(supportCommand(poorLoan({ programme: 'job_creation', lender: 'Agribank', annualRatePercent: 9.5 })))
      .thenMatch([{ data: { lender: 'Agribank', annualRatePercent: 9.5 } }]));

  it('refuses a rate out of range', () =>
    given(poor())
      .when(supportCommand(poorLoan({ programme: 'other', lender: 'Quỹ', annualRatePercent: 45 })))
      .thenThrows('LOAN_RATE_OUT_OF_RANGE'));

  it('refuses a poor-household loan above 100 million', () =>
    given(poor())
      .when(supportCommand(poorLoan({ amountVnd: 100_000_001 })))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('refuses a term beyond the programme', () =>
    given(poor())
      .when(supportCommand(poorLoan({ termMonths: 121 })))
      .thenThrows('LOAN_TERM_OUT_OF_RANGE'));

  it('refuses a poor-household loan to a household that was not poor on the day', () => {
    given(registered()).when(supportCommand(poorLoan())).thenThrows('LOAN_PROGRAMME_NOT_ELIGIBLE');
    given(poor())
      .when(supportCommand(poorLoan({ occurredAt: '2023-05-14' })))
      .thenThrows('LOAN_PROGRAMME_NOT_ELIGIBLE');
  });

  it('grants a newly-escaped-household loan within 36 months of the escape', () =>
    given(escaped())
      .when(supportCommand(poorLoan({ programme: 'newly_escaped_household', occurredAt: '2027-12-09' })))
      .thenMatch([{ data: { programme: 'newly_escaped_household', annualRatePercent: 7.8 } }]));

  it('refuses a newly-escaped-household loan 36 months after the escape', () =>
    given(escaped())
      .when(supportCommand(poorLoan({ programme: 'newly_escaped_household', occurredAt: '2027-12-10' })))
      .thenThrows('NOT_NEWLY_ESCAPED'));

  it('refuses a newly-escaped-household loan to a household that never escaped', () =>
    given(poor())
      .when(supportCommand(poorLoan({ programme: 'newly_escaped_household' })))
      .thenThrows('NOT_NEWLY_ESCAPED'));

  it('refuses a newly-escaped loan longer than 5 years', () =>
    given(escaped())
      .when(
        supportCommand(poorLoan({ programme: 'newly_escaped_household', occurredAt: '2025-01-10', termMonths: 61 })),
      )
      .thenThrows('LOAN_TERM_OUT_OF_RANGE'));

  it('refuses a loan id recorded before', () =>
    given(withLoan()).when(supportCommand(poorLoan())).thenThrows('LOAN_ALREADY_RECORDED'));

  it('records a repayment with what remains', () => {
    const state = given(withLoan())
      .when(repay(20_000_000))
      .then([
        {
          type: 'LoanRepaid',
          data: { loanId: 'KU-001', amountVnd: 20_000_000, outstandingVnd: 30_000_000, occurredOn: '2024-06-01' },
        },
      ]);
    expect(state).toMatchObject({ loans: { 'KU-001': { outstandingVnd: 30_000_000, status: 'active' } } });
  });

  it('closes the loan when fully repaid, then refuses further follow-ups', () => {
    const history = build([registerCommand(), assessCommand(), supportCommand(poorLoan()), repay(50_000_000)]).history;
    expect(given(history).state).toMatchObject({ loans: { 'KU-001': { status: 'repaid', outstandingVnd: 0 } } });
    given(history).when(repay(1)).thenThrows('LOAN_CLOSED');
  });

  it('refuses a repayment above the outstanding amount', () =>
    given(withLoan()).when(repay(50_000_001)).thenThrows('REPAYMENT_EXCEEDS_OUTSTANDING'));

  it('refuses a repayment of an unknown loan', () => given(poor()).when(repay(1)).thenThrows('LOAN_NOT_FOUND'));

  it('refuses a repayment before the grant', () =>
    given(withLoan()).when(repay(1, '2023-05-31')).thenThrows('DATE_BEFORE_START'));

  it('marks a loan overdue', () => {
    const state = given(withLoan())
      .when(
        supportCommand({
          kind: 'loan',
          action: 'overdue',
          loanId: 'KU-001',
          overdueAmountVnd: 5_000_000,
          occurredAt: '2024-07-01',
        }),
      )
      .then([
        {
          type: 'LoanMarkedOverdue',
          data: { loanId: 'KU-001', overdueAmountVnd: 5_000_000, occurredOn: '2024-07-01' },
        },
      ]);
    expect(state).toMatchObject({ loans: { 'KU-001': { status: 'overdue' } } });
  });

  it('refuses an overdue amount above the outstanding amount', () =>
    given(withLoan())
      .when(
        supportCommand({
          kind: 'loan',
          action: 'overdue',
          loanId: 'KU-001',
          overdueAmountVnd: 60_000_000,
          occurredAt: '2024-07-01',
        }),
      )
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('writes off what is outstanding', () => {
    const state = given(withLoan())
      .when(
        supportCommand({
          kind: 'loan',
          action: 'written_off',
          loanId: 'KU-001',
          reason: 'Natural disaster',
          occurredAt: '2025-01-01',
        }),
      )
      .then([
        {
          type: 'LoanWrittenOff',
          data: { loanId: 'KU-001', amountVnd: 50_000_000, reason: 'Natural disaster', occurredOn: '2025-01-01' },
        },
      ]);
    expect(state).toMatchObject({ loans: { 'KU-001': { status: 'written_off', outstandingVnd: 0 } } });
  });
});
