import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECIDE_CONTEXT,
  type DecideContext,
  DomainError,
  decide,
  decodeHouseholdEvent,
  encodeHouseholdEvent,
  loadInto,
  POVERTY_STANDARDS,
  RuleDocument,
  type RuleDocumentInput,
  replay,
  SHIPPED_RULE_BOOK,
  SHIPPED_RULE_DOCUMENTS,
  validateRuleSet,
} from '../src/index.js';
import {
  assessCommand,
  build,
  poor,
  poorLoan,
  registerCommand,
  registered,
  supportCommand,
} from './support/fixtures.js';
import { given } from './support/given.js';

const doc = (d: RuleDocumentInput) => RuleDocument.parse(d);
const context = (...documents: RuleDocument[]): DecideContext => ({
  ...DEFAULT_DECIDE_CONTEXT,
  rules: loadInto(SHIPPED_RULE_BOOK, ...documents),
});

describe('the shipped rules', () => {
  it('parse as rule documents and make a consistent rule set on every date they change', () => {
    expect(SHIPPED_RULE_DOCUMENTS.map((d) => d.id)).toEqual([
      'vn-poverty-standards',
      'vn-list-year-rules',
      'vbsp-loans',
      'national-target-programmes',
    ]);
    for (const date of SHIPPED_RULE_BOOK.effectiveDates)
      expect(validateRuleSet(SHIPPED_RULE_BOOK.on(date))).toEqual([]);
  });

  it('name every indicator in Vietnamese and English', () => {
    for (const s of POVERTY_STANDARDS) for (const i of s.indicators) expect(i.names.vi && i.names.en).toBeTruthy();
  });

  it('are in force from 2000 on, and nothing before', () => {
    expect(() => SHIPPED_RULE_BOOK.on('1999-12-31')).toThrow(DomainError);
    expect(SHIPPED_RULE_BOOK.on('2000-01-01').applied).toEqual([1, 2, 3, 4]);
  });
});

describe('a new loan-rate version effective from a date', () => {
  const tomorrow = '2026-12-07';
  const rates = doc({
    id: 'vbsp-rates-2026-12',
    title: 'VBSP poor-household rate from 7 Dec 2026',
    effectiveFrom: tomorrow,
    reason: 'A new decision on VBSP rates',
    loanRates: [
      {
        programme: 'poor_household',
        validTo: '2025-11-30',
        annualRatePercent: 6.6,
        basis: 'VBSP rate for poor households',
      },
      {
        programme: 'poor_household',
        validFrom: '2025-12-01',
        validTo: '2026-12-06',
        annualRatePercent: 6.24,
        basis: 'Decision 2553/QĐ-TTg',
      },
      { programme: 'poor_household', validFrom: tomorrow, annualRatePercent: 5.9, basis: 'the new decision' },
    ],
  });
  const ctx = context(rates);
  const loan = (occurredAt: string, loanId: string) =>
    supportCommand(poorLoan({ loanId, occurredAt, amountVnd: 30_000_000 }));

  it('leaves today’s loans at the old rate and its table version, and gives tomorrow’s the new one', () => {
    given(poor(), ctx)
      .when(loan('2026-12-06', 'KU-TODAY'))
      .thenMatch([{ type: 'LoanGranted', data: { annualRatePercent: 6.24, rateVersion: 3 } }]);
    given(poor(), ctx)
      .when(loan(tomorrow, 'KU-TOMORROW'))
      .thenMatch([{ type: 'LoanGranted', data: { annualRatePercent: 5.9, rateVersion: 5 } }]);
  });

  it('changes no recorded event: history replays as it was decided', () => {
    const { history, state } = build([registerCommand(), assessCommand(), loan('2026-12-06', 'KU-1')]);
    const again = replay(
      history.map((e) => ({ eventId: e.eventId, event: decodeHouseholdEvent(encodeHouseholdEvent(e.event)) })),
    );
    expect(again).toEqual(state);
    expect(history[2]?.event).toMatchObject({ data: { annualRatePercent: 6.24, rateVersion: 3 } });
  });
});

describe('programme components are data', () => {
  const housing = (occurredAt: string, component: string) =>
    supportCommand({ kind: 'housing', support: 'repair', valueVnd: 20_000_000, occurredAt, component });

  it('accepts a 2026–2035 component from the programme’s start date and refuses it before', () => {
    given(registered())
      .when(housing('2026-01-01', 'NTP26-05'))
      .thenMatch([{ type: 'HousingSupported', data: { component: 'NTP26-05', componentVersion: 4 } }]);
    const error = given(registered()).when(housing('2025-12-31', 'NTP26-05')).thenThrows('COMPONENT_NOT_VALID_ON_DATE');
    expect(error.details).toMatchObject({ programme: 'MTQG-2026-2035', validFrom: '2026-01-01' });
  });

  it('refuses a 2021–2025 project after its programme ended, and still reads the events recorded under it', () => {
    given(registered()).when(housing('2026-03-01', 'DA5')).thenThrows('COMPONENT_NOT_VALID_ON_DATE');
    const old = decodeHouseholdEvent({
      type: 'HousingSupported',
      data: { support: 'new', valueVnd: 40_000_000, project: 'DA5', occurredOn: '2023-04-01' },
      personal: null,
    });
    expect(old).toMatchObject({ data: { project: 'DA5' } });
  });

  it('takes the legacy `project` field as the component', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'housing',
          support: 'new',
          valueVnd: 1_000_000,
          project: 'DA5',
          occurredAt: '2024-02-01',
        }),
      )
      .thenMatch([{ data: { component: 'DA5' } }]));
});

describe('a corrected standard', () => {
  const shipped = SHIPPED_RULE_BOOK.on('2027-01-01').standards.find((s) => s.id === 'VN-2027-2030');
  if (!shipped) throw new Error('VN-2027-2030 is shipped');
  const { version: _version, ...vn2027 } = shipped;
  const corrected = doc({
    id: 'vn-2027-2030-corrected',
    title: 'VN-2027-2030 as read in the gazette',
    effectiveFrom: '2026-09-01',
    reason: 'The decree text: rural line 2,100,000; the near-poor rule and band confirmed',
    standards: [
      {
        ...vn2027,
        incomeLine: { rural: 2_100_000, urban: 2_800_000 },
        averageLivingBand: { rural: { above: 2_100_000, upTo: 3_150_000 }, urban: vn2027.averageLivingBand.urban },
        unverified: {},
        indicators: vn2027.indicators.map(({ verify: _verify, ...i }) => i),
      },
    ],
  });
  const review = assessCommand({
    reviewType: 'periodic',
    effectiveDate: '2026-12-10',
    incomePerCapitaVnd: 2_150_000,
    deprivations: ['employment', 'water', 'internet_access'],
  });

  it('classifies the reviews of its dates under the corrected figures, with the version named', () => {
    given(poor())
      .when(review)
      .thenMatch([{ data: { standardId: 'VN-2027-2030', standardVersion: 1, classification: 'poor' } }]);
    given(poor(), context(corrected))
      .when(review)
      .thenMatch([{ data: { standardId: 'VN-2027-2030', standardVersion: 5, classification: 'non_poor' } }]);
  });

  it('never changes the rules of dates before its own', () => {
    const book = loadInto(SHIPPED_RULE_BOOK, corrected);
    expect(book.on('2026-08-31')).toEqual(SHIPPED_RULE_BOOK.on('2026-08-31'));
    expect(book.on('2026-08-31').standards.find((s) => s.id === 'VN-2027-2030')?.incomeLine.rural).toBe(2_200_000);
    expect(book.on('2026-09-01').standards.find((s) => s.id === 'VN-2027-2030')?.incomeLine.rural).toBe(2_100_000);
  });

  it('says what of an unconfirmed standard a classification rests on, until a version confirms it', () => {
    given(poor())
      .when(
        assessCommand({
          reviewType: 'periodic',
          effectiveDate: '2026-12-10',
          incomePerCapitaVnd: 2_150_000,
          deprivations: ['internet_access'],
        }),
      )
      .thenMatch([
        {
          data: {
            classification: 'near_poor',
            unverified: [expect.stringMatching(/near-poor/), expect.stringMatching(/^internet_access: \[verify\]/)],
            reasons: expect.arrayContaining([expect.stringMatching(/^\[unverified\] /)]),
          },
        },
      ]);
    const confirmed = decide(
      assessCommand({
        reviewType: 'periodic',
        effectiveDate: '2026-12-10',
        incomePerCapitaVnd: 2_050_000,
        deprivations: ['internet_access'],
      }),
      replay(poor()),
      context(corrected),
    );
    expect(confirmed[0]?.data).toMatchObject({ classification: 'near_poor', standardVersion: 5 });
    expect(confirmed[0]?.data).not.toHaveProperty('unverified');
  });
});

describe('loading a version', () => {
  const base = { title: 't', effectiveFrom: '2027-01-01', reason: 'test' };

  it('refuses, with every problem, a version that would make the rules inconsistent', () => {
    const shipped = SHIPPED_RULE_BOOK.on('2027-01-01').standards.find((s) => s.id === 'VN-2022-2026');
    if (!shipped) throw new Error('shipped');
    const { version: _version, ...vn2022 } = shipped;
    let error: unknown;
    try {
      loadInto(
        SHIPPED_RULE_BOOK,
        doc({
          ...base,
          id: 'overlapping',
          standards: [{ ...vn2022, id: 'VN-2026-X', listYears: { from: 2026, to: 2027 } }],
          loanCaps: [{ programme: 'nobody', maxAmountVnd: 1, basis: 'x' }],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'RULES_INVALID' });
    const problems = (error as DomainError).details?.problems as Array<{ path: string }>;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['standards[VN-2022-2026]', 'standards[VN-2027-2030]', 'loanCaps[nobody]']),
    );
  });

  it('refuses a document with no section, or a bad one, before anything else', () => {
    expect(RuleDocument.safeParse({ ...base, id: 'empty' }).success).toBe(false);
    expect(
      RuleDocument.safeParse({
        ...base,
        id: 'bad-rate',
        loanRates: [{ programme: 'x', annualRatePercent: -1, basis: 'b' }],
      }).success,
    ).toBe(false);
  });
});
