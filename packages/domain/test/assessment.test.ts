import { describe, expect, it } from 'vitest';
import {
  type Classification,
  deriveTransition,
  type ListClassification,
  type ListHistory,
  NO_LIST_HISTORY,
  type ReviewType,
  type Transition,
} from '../src/index.js';
import { assessCommand, build, escaped, HH, poor, registerCommand, registered } from './support/fixtures.js';
import { given } from './support/given.js';

describe('AssessHousehold', () => {
  it('records the review with its classification, standard, list year and transition', () => {
    const state = given(registered())
      .when(assessCommand({ decisionNo: '123/QĐ-UBND', approvedBy: 'Chủ tịch UBND xã' }))
      .then([
        {
          type: 'HouseholdAssessed',
          data: {
            reviewType: 'regular',
            effectiveDate: '2023-05-15',
            listYear: 2023,
            incomePerCapitaVnd: 1_200_000,
            deprivations: ['employment', 'water', 'sanitation'],
            decisionNo: '123/QĐ-UBND',
            approvedBy: 'Chủ tịch UBND xã',
            area: 'rural',
            areaSource: 'stated',
            standardId: 'VN-2022-2026',
            standardVersion: 1,
            classification: 'poor',
            averageLivingBand: false,
            previousClassification: 'unassessed',
            transition: 'newly_poor',
            reasons: [
              'regular review effective 2023-05-15 decides the lists of 2023: standard VN-2022-2026 (rules version 1) (Decree 07/2021/NĐ-CP)',
              'rural lines: area stated for commune 96101, whose kind sets none',
              'income 1,200,000 VND ≤ rural line 1,500,000 VND',
              '3 deprivation(s) ≥ 3: poor',
            ],
          },
        },
      ]);
    expect(state).toMatchObject({
      classification: 'poor',
      lastReview: { effectiveDate: '2023-05-15', standardId: 'VN-2022-2026', transition: 'newly_poor' },
    });
  });

  it('uses the list year the periodic review decides: December 2026 selects VN-2027-2030', () => {
    given(poor())
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2026-12-10', incomePerCapitaVnd: 2_100_000 }))
      .thenMatch([
        {
          type: 'HouseholdAssessed',
          data: { listYear: 2027, standardId: 'VN-2027-2030', classification: 'poor', transition: 'no_change' },
        },
      ]);
  });

  it('reads the lines of the household area', () => {
    given(build([registerCommand({ area: 'urban' })]).history)
      .when(assessCommand({ incomePerCapitaVnd: 1_800_000, deprivations: [] }))
      .thenMatch([{ data: { area: 'urban', classification: 'near_poor', transition: 'newly_near_poor' } }]);
  });

  it('accepts a review on the same date as the previous one', () => {
    given(poor())
      .when(assessCommand({ incomePerCapitaVnd: 1_600_000 }))
      .thenMatch([{ data: { transition: 'escaped_poverty' } }]);
  });

  it('refuses a review effective before the previous review', () =>
    given(poor())
      .when(assessCommand({ effectiveDate: '2023-05-14' }))
      .thenThrows('REVIEW_BEFORE_PREVIOUS'));

  it('refuses an indicator the standard does not have', () => {
    const error = given(registered())
      .when(assessCommand({ deprivations: ['employment', 'internet_access'] }))
      .thenThrows('UNKNOWN_INDICATOR');
    expect(error.details).toMatchObject({ unknown: ['internet_access'], standardId: 'VN-2022-2026' });
  });

  it('refuses information_access under VN-2027-2030, which dropped it', () =>
    given(registered())
      .when(assessCommand({ effectiveDate: '2027-03-01', deprivations: ['information_access'] }))
      .thenThrows('UNKNOWN_INDICATOR'));

  it('refuses an indicator listed twice', () =>
    given(registered())
      .when(assessCommand({ deprivations: ['water', 'water'] }))
      .thenThrows('DUPLICATE_INDICATOR'));

  it('refuses a list year the review type cannot decide', () =>
    given(registered())
      .when(assessCommand({ listYear: 2024 }))
      .thenThrows('LIST_YEAR_OUT_OF_RANGE'));

  it('refuses a list year no standard covers', () =>
    given(registered())
      .when(assessCommand({ reviewType: 'periodic', effectiveDate: '2030-12-01' }))
      .thenThrows('NO_STANDARD_FOR_LIST_YEAR'));

  it('refuses an income out of range', () =>
    given(registered())
      .when(assessCommand({ incomePerCapitaVnd: -1 }))
      .thenThrows('INCOME_OUT_OF_RANGE'));

  it('refuses an unregistered household', () => given().when(assessCommand()).thenThrows('HOUSEHOLD_NOT_FOUND'));

  it('refuses a closed household', () =>
    given(
      build([
        registerCommand(),
        { type: 'CloseHousehold', householdId: HH, reason: 'dissolved', occurredOn: '2023-02-01' },
      ]).history,
    )
      .when(assessCommand())
      .thenThrows('HOUSEHOLD_CLOSED'));

  it('records an escape with the end of the newly-escaped window', () => {
    const state = given(escaped()).state;
    expect(state).toMatchObject({
      classification: 'non_poor',
      escapes: [{ on: '2024-12-10', from: 'poor', to: 'non_poor', newlyEscapedUntil: '2027-12-10' }],
    });
  });
});

describe('transitions', () => {
  const none = NO_LIST_HISTORY;
  const wasPoor: ListHistory = { everPoor: true, nearPoorEscapeOpen: false };
  const escapedNear: ListHistory = { everPoor: false, nearPoorEscapeOpen: true };
  const cases: Array<[Classification, ListClassification, ReviewType, ListHistory, Transition]> = [
    ['unassessed', 'poor', 'baseline', none, 'classified_poor'],
    ['unassessed', 'near_poor', 'baseline', none, 'classified_near_poor'],
    ['unassessed', 'non_poor', 'baseline', none, 'classified_non_poor'],
    ['unassessed', 'poor', 'periodic', none, 'newly_poor'],
    ['unassessed', 'near_poor', 'regular', none, 'newly_near_poor'],
    ['unassessed', 'non_poor', 'regular', none, 'classified_non_poor'],
    ['poor', 'poor', 'periodic', wasPoor, 'no_change'],
    ['poor', 'near_poor', 'periodic', wasPoor, 'escaped_poverty'],
    ['poor', 'non_poor', 'periodic', wasPoor, 'escaped_poverty'],
    ['near_poor', 'near_poor', 'periodic', none, 'no_change'],
    ['near_poor', 'non_poor', 'periodic', none, 'escaped_near_poverty'],
    ['near_poor', 'poor', 'periodic', none, 'newly_poor'],
    ['near_poor', 'poor', 'periodic', wasPoor, 'relapsed'],
    ['non_poor', 'non_poor', 'periodic', wasPoor, 'no_change'],
    ['non_poor', 'poor', 'periodic', none, 'newly_poor'],
    ['non_poor', 'poor', 'periodic', escapedNear, 'newly_poor'],
    ['non_poor', 'poor', 'periodic', wasPoor, 'relapsed'],
    ['non_poor', 'near_poor', 'periodic', none, 'newly_near_poor'],
    ['non_poor', 'near_poor', 'periodic', wasPoor, 'newly_near_poor'],
    ['non_poor', 'near_poor', 'periodic', escapedNear, 'relapsed_near_poverty'],
  ];
  it.each(cases)('%s → %s (%s review, history %o) is %s', (previous, next, reviewType, history, expected) => {
    expect(deriveTransition(previous, next, reviewType, history)).toBe(expected);
  });

  it('reads newly near-poor, not a relapse, for a household that escaped poverty, never near-poverty', () => {
    const state = given(escaped())
      .when(assessCommand({ effectiveDate: '2025-06-15', incomePerCapitaVnd: 1_400_000, deprivations: ['water'] }))
      .thenMatch([{ data: { classification: 'near_poor', transition: 'newly_near_poor' } }]);
    expect(state).toMatchObject({ relapses: [] });
  });

  it('reads newly poor for a household never on a list', () => {
    const history = build([
      registerCommand(),
      assessCommand({ incomePerCapitaVnd: 3_000_000, deprivations: [] }),
    ]).history;
    given(history)
      .when(assessCommand({ effectiveDate: '2024-06-15' }))
      .thenMatch([{ data: { previousClassification: 'non_poor', transition: 'newly_poor' } }]);
  });
});
