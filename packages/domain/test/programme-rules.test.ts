import { describe, expect, it } from 'vitest';
import {
  AssessmentInput,
  type HouseholdCommand,
  newlyEscapedOn,
  type RegisteredHousehold,
  replay,
} from '../src/index.js';
import { assessCommand, build, eventId, HH, poorLoan, registerCommand, supportCommand } from './support/fixtures.js';
import { given } from './support/given.js';

/**
 * The programme's rules as the review of the figures found them broken, one case each: the list-year
 * rule, newly poor and relapse for both lists, baselines, corrections re-deriving later transitions,
 * newly escaped, and the unable-to-escape flag ending with an escape.
 */

const POOR = { incomePerCapitaVnd: 1_200_000, deprivations: ['employment', 'water', 'sanitation'] };
const NEAR_POOR = { incomePerCapitaVnd: 1_300_000, deprivations: ['water'] };
const NON_POOR = { incomePerCapitaVnd: 3_000_000, deprivations: [] };

/** Regular reviews, one a month from January 2023 (dates keep the reviews in order). */
const reviews = (...findings: Array<Partial<AssessmentInput>>) =>
  findings.map((f, i) => assessCommand({ effectiveDate: `2023-${String(i + 1).padStart(2, '0')}-15`, ...f }));

const household = (...findings: Array<Partial<AssessmentInput>>) =>
  build([registerCommand(), ...reviews(...findings)]).state as RegisteredHousehold;

const transitions = (h: RegisteredHousehold) => h.reviews.map((r) => r.transition);

describe('the list-year rule', () => {
  it('refuses a periodic review effective 2026-01-10 without a list year, naming what is missing', () => {
    const error = given(build([registerCommand()]).history)
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2026-01-10', ...POOR }))
      .thenThrows('LIST_YEAR_REQUIRED');
    expect(error.message).toMatch(/must state the list year.*2026 or 2027/);
    expect(error.details).toMatchObject({ allowed: [2026, 2027], effectiveDate: '2026-01-10' });
  });

  it('classifies the same review with listYear 2026 under VN-2022-2026: 1,800,000 VND and 3 deprivations is non-poor', () =>
    given(build([registerCommand()]).history)
      .when(
        assessCommand({
          reviewType: 'periodic',
          effectiveDate: '2026-01-10',
          listYear: 2026,
          incomePerCapitaVnd: 1_800_000,
          deprivations: ['employment', 'water', 'sanitation'],
        }),
      )
      .thenMatch([{ data: { listYear: 2026, standardId: 'VN-2022-2026', classification: 'non_poor' } }]));

  it('refuses a periodic review in March without a list year', () =>
    given(build([registerCommand()]).history)
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2025-03-20', ...POOR }))
      .thenThrows('LIST_YEAR_REQUIRED'));

  it('puts a periodic review effective 1 September – 31 December under the next year', () =>
    given(build([registerCommand()]).history)
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2025-09-01', ...POOR }))
      .thenMatch([{ data: { listYear: 2026, standardId: 'VN-2022-2026' } }]));

  it('refuses a stated list year other than Y or Y+1, and a regular review stating Y+1', () => {
    given(build([registerCommand()]).history)
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2026-01-10', listYear: 2028, ...POOR }))
      .thenThrows('LIST_YEAR_OUT_OF_RANGE');
    given(build([registerCommand()]).history)
      .when(assessCommand({ reviewType: 'regular', effectiveDate: '2026-01-10', listYear: 2027, ...POOR }))
      .thenThrows('LIST_YEAR_OUT_OF_RANGE');
  });
});

describe('newly poor and relapse (tái nghèo)', () => {
  it('near-poor → non-poor → poor is newly poor, not a relapse: it was never poor', () => {
    const h = household(NEAR_POOR, NON_POOR, POOR);
    expect(transitions(h)).toEqual(['newly_near_poor', 'escaped_near_poverty', 'newly_poor']);
    expect(h.relapses).toEqual([]);
  });

  it('a first review that finds the household poor is newly poor', () => {
    given(build([registerCommand()]).history)
      .when(assessCommand(POOR))
      .thenMatch([{ data: { previousClassification: 'unassessed', transition: 'newly_poor' } }]);
  });

  it('poor → non-poor → poor is a relapse; so is poor → near-poor → poor', () => {
    expect(transitions(household(POOR, NON_POOR, POOR))).toEqual(['newly_poor', 'escaped_poverty', 'relapsed']);
    expect(transitions(household(POOR, NEAR_POOR, POOR))).toEqual(['newly_poor', 'escaped_poverty', 'relapsed']);
  });

  it('near-poor → poor, never poor before, is newly poor (from the near-poor list)', () => {
    const h = household(NEAR_POOR, POOR);
    expect(transitions(h)).toEqual(['newly_near_poor', 'newly_poor']);
    expect(h.reviews[1]?.previousClassification).toBe('near_poor');
  });
});

describe('newly near-poor and relapse into near-poverty (tái cận nghèo)', () => {
  it('poor → non-poor → near-poor is newly near-poor, not a relapse: it never escaped near-poverty', () => {
    const h = household(POOR, NON_POOR, NEAR_POOR);
    expect(transitions(h)).toEqual(['newly_poor', 'escaped_poverty', 'newly_near_poor']);
    expect(h.relapses).toEqual([]);
  });

  it('near-poor → non-poor → near-poor is a relapse into near-poverty', () => {
    const h = household(NEAR_POOR, NON_POOR, NEAR_POOR);
    expect(transitions(h)).toEqual(['newly_near_poor', 'escaped_near_poverty', 'relapsed_near_poverty']);
    expect(h.relapses).toMatchObject([{ into: 'near_poor', on: '2023-03-15' }]);
  });

  it('is not a relapse into near-poverty when the household was poor in between', () => {
    const h = household(NEAR_POOR, NON_POOR, POOR, NON_POOR, NEAR_POOR);
    expect(transitions(h)).toEqual([
      'newly_near_poor',
      'escaped_near_poverty',
      'newly_poor',
      'escaped_poverty',
      'newly_near_poor',
    ]);
  });
});

describe('baselines: the list a household was on when follow-up began', () => {
  const baseline = (finding: Partial<AssessmentInput>) =>
    assessCommand({ reviewType: 'baseline', effectiveDate: '2023-01-01', listYear: 2023, ...finding });

  it('records the list without counting the household as newly poor', () => {
    given(build([registerCommand({ occurredOn: '2023-01-01' })]).history)
      .when(baseline(POOR))
      .thenMatch([{ data: { reviewType: 'baseline', listYear: 2023, transition: 'classified_poor' } }]);
  });

  it('counts an escape after the baseline as an escape, and coming back as a relapse', () => {
    const h = build([
      registerCommand({ occurredOn: '2023-01-01' }),
      baseline(POOR),
      ...reviews(NON_POOR, POOR).slice(0),
    ]).state as RegisteredHousehold;
    expect(transitions(h)).toEqual(['classified_poor', 'escaped_poverty', 'relapsed']);
  });

  it('records the list a decision states, with or without figures, the figures only compared', () => {
    const listed = { reviewType: 'baseline' as const, effectiveDate: '2024-01-01', listYear: 2024, deprivations: [] };
    given(build([registerCommand({ occurredOn: '2024-01-01' })]).history)
      .when({ type: 'AssessHousehold', householdId: HH, assessment: { ...listed, listedAs: 'near_poor' } })
      .thenMatch([
        { data: { classification: 'near_poor', listedAs: 'near_poor', transition: 'classified_near_poor' } },
      ]);
    given(build([registerCommand({ occurredOn: '2024-01-01' })]).history)
      .when({
        type: 'AssessHousehold',
        householdId: HH,
        assessment: { ...listed, listedAs: 'poor', incomePerCapitaVnd: 1_400_000 },
      })
      .thenMatch([
        {
          data: {
            classification: 'poor',
            incomePerCapitaVnd: 1_400_000,
            reasons: expect.arrayContaining(['the list states poor; the figures would give near_poor']),
          },
        },
      ]);
    expect(AssessmentInput.safeParse({ ...listed, reviewType: 'regular', listedAs: 'poor' }).success).toBe(false);
    expect(AssessmentInput.safeParse({ ...listed }).success).toBe(false);
  });

  it('must be the first review', () =>
    given(build([registerCommand(), assessCommand(POOR)]).history)
      .when(assessCommand({ reviewType: 'baseline', effectiveDate: '2023-06-01', listYear: 2023, ...POOR }))
      .thenThrows('BASELINE_NOT_FIRST'));
});

describe('corrections re-derive every later transition', () => {
  it('voiding the first review turns a relapse into newly poor, and takes the escape away', () => {
    // Events: 1 registered, 2 poor, 3 non-poor (escape), 4 poor (relapse).
    const { history, state } = build([registerCommand(), ...reviews(POOR, NON_POOR, POOR)]);
    expect(transitions(state as RegisteredHousehold)).toEqual(['newly_poor', 'escaped_poverty', 'relapsed']);
    const voided = given(history)
      .when({
        type: 'VoidEvent',
        householdId: HH,
        eventId: eventId(2),
        reason: 'Wrong household',
        occurredOn: '2023-06-01',
      })
      .thenMatch([{ type: 'EventVoided' }]) as RegisteredHousehold;
    expect(transitions(voided)).toEqual(['classified_non_poor', 'newly_poor']);
    expect(voided.escapes).toEqual([]);
    expect(voided.relapses).toEqual([]);
  });

  it('amending the first review to near-poor turns the later relapse into newly poor', () => {
    const { history } = build([registerCommand(), ...reviews(POOR, NON_POOR, POOR)]);
    const amended = given(history)
      .when({
        type: 'AmendEvent',
        householdId: HH,
        eventId: eventId(2),
        reason: 'Income was mis-typed',
        occurredOn: '2023-06-01',
        correction: assessCommand({ effectiveDate: '2023-01-15', ...NEAR_POOR }),
      })
      .thenMatch([{ type: 'EventAmended' }]) as RegisteredHousehold;
    expect(transitions(amended)).toEqual(['newly_near_poor', 'escaped_near_poverty', 'newly_poor']);
  });
});

describe('newly escaped (hộ mới thoát nghèo): poor or near-poor → non-poor, for 36 months', () => {
  it('poor → near-poor is not newly escaped: the household is near-poor', () => {
    const h = household(POOR, NEAR_POOR);
    expect(newlyEscapedOn(h, '2023-03-01')).toBeUndefined();
  });

  it('poor → non-poor and near-poor → non-poor are', () => {
    expect(newlyEscapedOn(household(POOR, NON_POOR), '2023-03-01')?.on).toBe('2023-02-15');
    expect(newlyEscapedOn(household(POOR, NEAR_POOR, NON_POOR), '2023-04-01')?.on).toBe('2023-03-15');
    expect(newlyEscapedOn(household(NEAR_POOR, NON_POOR), '2026-02-14')?.on).toBe('2023-02-15');
    expect(newlyEscapedOn(household(NEAR_POOR, NON_POOR), '2026-02-15')).toBeUndefined();
  });

  it('refuses a newly-escaped loan to a household on the near-poor list, which can borrow as near-poor', () => {
    const history = build([registerCommand(), ...reviews(POOR, NEAR_POOR)]).history;
    given(history)
      .when(supportCommand(poorLoan({ programme: 'newly_escaped_household', occurredAt: '2023-03-01' })))
      .thenThrows('NOT_NEWLY_ESCAPED');
    given(history)
      .when(supportCommand(poorLoan({ programme: 'near_poor_household', occurredAt: '2023-03-01' })))
      .thenMatch([{ type: 'LoanGranted', data: { programme: 'near_poor_household' } }]);
  });
});

describe('the unable-to-escape flag ends with an escape', () => {
  const flag = (basis: 'severe_disability' | 'chronic_illness' | 'many_dependants'): HouseholdCommand => ({
    type: 'SetUnableToEscapeFlag',
    householdId: HH,
    basis,
    reason: 'Chủ hộ bệnh nặng, không có người trong độ tuổi lao động',
    occurredOn: '2023-01-20',
  });

  it('accepts the statutory bases: disability, chronic illness, many dependants', () => {
    for (const basis of ['severe_disability', 'chronic_illness', 'many_dependants'] as const) {
      const state = given(build([registerCommand(), ...reviews(POOR)]).history)
        .when(flag(basis))
        .thenMatch([{ type: 'UnableToEscapeFlagSet', data: { basis } }]);
      expect(state).toMatchObject({ unableToEscape: { basis } });
    }
  });

  it('clears the flag, as a recorded consequence, when the household escapes', () => {
    const history = build([registerCommand(), ...reviews(POOR), flag('chronic_illness')]).history;
    const state = given(history)
      .when(assessCommand({ effectiveDate: '2023-03-15', ...NON_POOR }))
      .thenMatch([
        { type: 'HouseholdAssessed', data: { transition: 'escaped_poverty' } },
        {
          type: 'UnableToEscapeFlagCleared',
          data: { cause: 'escape', occurredOn: '2023-03-15', reason: expect.stringMatching(/escaped/) },
        },
      ]);
    expect(state).toMatchObject({ unableToEscape: null });
  });

  it('leaves the flag of a household that stays poor', () => {
    const history = build([registerCommand(), ...reviews(POOR), flag('chronic_illness')]).history;
    given(history)
      .when(assessCommand({ effectiveDate: '2023-03-15', ...POOR }))
      .thenMatch([{ type: 'HouseholdAssessed', data: { transition: 'no_change' } }]);
  });

  it('clears it when an amendment turns the latest review into an escape', () => {
    // 1 registered, 2 poor, 3 flagged, 4 poor again (no change).
    const history = build([
      registerCommand(),
      ...reviews(POOR),
      flag('chronic_illness'),
      assessCommand({ effectiveDate: '2023-03-15', ...POOR }),
    ]).history;
    const state = given(history)
      .when({
        type: 'AmendEvent',
        householdId: HH,
        eventId: eventId(4),
        reason: 'Income was mis-typed',
        occurredOn: '2023-04-01',
        correction: assessCommand({ effectiveDate: '2023-03-15', ...NON_POOR }),
      })
      .thenMatch([{ type: 'EventAmended' }, { type: 'UnableToEscapeFlagCleared', data: { cause: 'escape' } }]);
    expect(state).toMatchObject({ unableToEscape: null, classification: 'non_poor' });
    expect(replay(history)).toMatchObject({ unableToEscape: { basis: 'chronic_illness' } });
  });
});
