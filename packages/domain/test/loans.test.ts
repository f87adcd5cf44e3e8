import { describe, expect, it } from 'vitest';
import { DEFAULT_DECIDE_CONTEXT, type DecideContext, type LoanCap, SHIPPED_RULE_BOOK } from '../src/index.js';

/** The shipped rules with the poor-household caps replaced (a rule version loaded after them). */
const withCaps = (loanCaps: LoanCap[]) =>
  SHIPPED_RULE_BOOK.with({
    id: 'test-caps',
    title: 'caps for a test',
    effectiveFrom: '2000-01-01',
    reason: 'test',
    loanCaps,
  });

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

/** Registered, then classified near-poor (income under the line, one deprivation) in May 2023. */
const nearPoor = () => build([registerCommand(), assessCommand({ deprivations: ['employment'] })]).history;
const nearPoorLoan = (amountVnd: number, termMonths: number) =>
  supportCommand(poorLoan({ programme: 'near_poor_household', amountVnd, termMonths }));

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
            component: 'DA2',
            componentVersion: 4,
            rateVersion: 3,
            capVersion: 3,
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

  it('grants a poor-household loan of 100 million over 120 months', () =>
    given(poor())
      .when(supportCommand(poorLoan({ amountVnd: 100_000_000, termMonths: 120 })))
      .thenMatch([{ data: { programme: 'poor_household', amountVnd: 100_000_000, termMonths: 120 } }]));

  it('refuses a poor-household loan above 100 million, naming the cap and its basis', () => {
    const error = given(poor())
      .when(supportCommand(poorLoan({ amountVnd: 100_000_001 })))
      .thenThrows('AMOUNT_OUT_OF_RANGE');
    expect(error.details).toMatchObject({
      field: 'amountVnd',
      max: 100_000_000,
      programme: 'poor_household',
      basis: expect.stringContaining('100 million VND'),
    });
    expect(error.message).toContain('poor_household');
    expect(error.message).toContain('100,000,000 VND');
  });

  it('refuses a term beyond the programme', () => {
    const error = given(poor())
      .when(supportCommand(poorLoan({ termMonths: 121 })))
      .thenThrows('LOAN_TERM_OUT_OF_RANGE');
    expect(error.details).toMatchObject({ max: 120, basis: expect.stringContaining('120 months') });
  });

  it('grants a near-poor loan of 100 million over 60 months', () =>
    given(nearPoor())
      .when(nearPoorLoan(100_000_000, 60))
      .thenMatch([{ data: { programme: 'near_poor_household', amountVnd: 100_000_000, termMonths: 60 } }]));

  it('refuses a near-poor loan of 900 million over 240 months for its amount', () => {
    const error = given(nearPoor()).when(nearPoorLoan(900_000_000, 240)).thenThrows('AMOUNT_OUT_OF_RANGE');
    expect(error.details).toMatchObject({
      max: 100_000_000,
      programme: 'near_poor_household',
      basis: expect.stringContaining('15/2013'),
    });
  });

  it('refuses a near-poor loan longer than 60 months', () => {
    const error = given(nearPoor()).when(nearPoorLoan(100_000_000, 61)).thenThrows('LOAN_TERM_OUT_OF_RANGE');
    expect(error.details).toMatchObject({ max: 60, programme: 'near_poor_household' });
  });

  it('applies the cap in force on the loan date: the old one the day before a change, the new one from it', () => {
    const caps: LoanCap[] = [
      { programme: 'poor_household', validTo: '2024-06-30', maxAmountVnd: 50_000_000, basis: 'old cap' },
      { programme: 'poor_household', validFrom: '2024-07-01', maxAmountVnd: 80_000_000, basis: 'new cap' },
    ];
    const context: DecideContext = { ...DEFAULT_DECIDE_CONTEXT, rules: withCaps(caps) };
    const loan = (amountVnd: number, occurredAt: string) => supportCommand(poorLoan({ amountVnd, occurredAt }));
    given(poor(), context)
      .when(loan(50_000_000, '2024-06-30'))
      .thenMatch([{ data: { amountVnd: 50_000_000 } }]);
    const before = given(poor(), context).when(loan(60_000_000, '2024-06-30')).thenThrows('AMOUNT_OUT_OF_RANGE');
    expect(before.details).toMatchObject({ max: 50_000_000, basis: 'old cap' });
    given(poor(), context)
      .when(loan(80_000_000, '2024-07-01'))
      .thenMatch([{ data: { amountVnd: 80_000_000 } }]);
    const from = given(poor(), context).when(loan(80_000_001, '2024-07-01')).thenThrows('AMOUNT_OUT_OF_RANGE');
    expect(from.details).toMatchObject({ max: 80_000_000, basis: 'new cap' });
  });

  it('holds an uncapped term to LOAN_LIMITS only', () =>
    given(poor(), {
      ...DEFAULT_DECIDE_CONTEXT,
      rules: withCaps([{ programme: 'poor_household', maxAmountVnd: 100_000_000, basis: 'an amount cap only' }]),
    })
      .when(supportCommand(poorLoan({ termMonths: 240 })))
      .thenMatch([{ data: { termMonths: 240 } }]));

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

  it('grants a newly-escaped loan of 100 million over 60 months', () =>
    given(escaped())
      .when(
        supportCommand(
          poorLoan({
            programme: 'newly_escaped_household',
            occurredAt: '2025-01-10',
            amountVnd: 100_000_000,
            termMonths: 60,
          }),
        ),
      )
      .thenMatch([{ data: { programme: 'newly_escaped_household', amountVnd: 100_000_000, termMonths: 60 } }]));

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
