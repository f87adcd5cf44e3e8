import { describe, expect, it } from 'vitest';
import { SupportActionInput } from '../src/index.js';
import { build, HH, registerCommand, registered, supportCommand } from './support/fixtures.js';
import { given } from './support/given.js';

describe('SupportActionInput (the HTTP body schema)', () => {
  it('defaults a loan to a VBSP grant and a training to an enrolment', () => {
    expect(
      SupportActionInput.parse({
        kind: 'loan',
        loanId: 'KU-1',
        programme: 'poor_household',
        amountVnd: 1,
        termMonths: 12,
        occurredAt: '2024-01-01',
      }),
    ).toMatchObject({ action: 'granted', lender: 'VBSP' });
    expect(
      SupportActionInput.parse({ kind: 'training', trainingId: 'T-1', course: 'Sewing', occurredAt: '2024-01-01' }),
    ).toMatchObject({ stage: 'enrolled' });
  });

  it('rejects unknown fields and kinds', () => {
    expect(SupportActionInput.safeParse({ kind: 'gift', occurredAt: '2024-01-01' }).success).toBe(false);
    expect(
      SupportActionInput.safeParse({ kind: 'other', description: 'x', occurredAt: '2024-01-01', extra: 1 }).success,
    ).toBe(false);
  });
});

describe('training', () => {
  const enrol = supportCommand({
    kind: 'training',
    stage: 'enrolled',
    trainingId: 'T-1',
    course: 'Motorbike repair',
    provider: 'District vocational centre',
    costVnd: 3_000_000,
    component: 'DA4',
    occurredAt: '2023-07-01',
  });
  const enrolled = () => build([registerCommand(), enrol]).history;

  it('enrols', () => {
    const state = given(registered())
      .when(enrol)
      .then([
        {
          type: 'TrainingEnrolled',
          data: {
            trainingId: 'T-1',
            course: 'Motorbike repair',
            provider: 'District vocational centre',
            costVnd: 3_000_000,
            component: 'DA4',
            componentVersion: 4,
            occurredOn: '2023-07-01',
          },
        },
      ]);
    expect(state).toMatchObject({ trainings: { 'T-1': { status: 'enrolled' } }, supportCounts: { training: 1 } });
  });

  it('completes', () =>
    given(enrolled())
      .when(
        supportCommand({
          kind: 'training',
          stage: 'completed',
          trainingId: 'T-1',
          certified: true,
          occurredAt: '2023-10-01',
        }),
      )
      .then([{ type: 'TrainingCompleted', data: { trainingId: 'T-1', certified: true, occurredOn: '2023-10-01' } }]));

  it('drops', () =>
    given(enrolled())
      .when(
        supportCommand({
          kind: 'training',
          stage: 'dropped',
          trainingId: 'T-1',
          reason: 'Illness',
          occurredAt: '2023-08-01',
        }),
      )
      .then([{ type: 'TrainingDropped', data: { trainingId: 'T-1', reason: 'Illness', occurredOn: '2023-08-01' } }]));

  it('refuses an enrolment id recorded before', () =>
    given(enrolled()).when(enrol).thenThrows('TRAINING_ALREADY_RECORDED'));

  it('refuses a follow-up of an unknown training', () =>
    given(registered())
      .when(supportCommand({ kind: 'training', stage: 'completed', trainingId: 'T-9', occurredAt: '2023-10-01' }))
      .thenThrows('TRAINING_NOT_FOUND'));

  it('refuses a follow-up of an ended training', () => {
    const history = build([
      registerCommand(),
      enrol,
      supportCommand({ kind: 'training', stage: 'dropped', trainingId: 'T-1', occurredAt: '2023-08-01' }),
    ]).history;
    given(history)
      .when(supportCommand({ kind: 'training', stage: 'completed', trainingId: 'T-1', occurredAt: '2023-10-01' }))
      .thenThrows('TRAINING_ALREADY_ENDED');
  });

  it('refuses a completion before the enrolment', () =>
    given(enrolled())
      .when(supportCommand({ kind: 'training', stage: 'completed', trainingId: 'T-1', occurredAt: '2023-06-30' }))
      .thenThrows('DATE_BEFORE_START'));

  it('refuses a cost out of range', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'training',
          stage: 'enrolled',
          trainingId: 'T-2',
          course: 'x',
          costVnd: 0,
          occurredAt: '2023-07-01',
        }),
      )
      .thenThrows('AMOUNT_OUT_OF_RANGE'));
});

describe('other support actions', () => {
  it('records a job placement', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'job_placement',
          channel: 'labour_export',
          country: 'Japan',
          occupation: 'Food processing',
          monthlyWageVnd: 30_000_000,
          occurredAt: '2024-02-01',
        }),
      )
      .then([
        {
          type: 'JobPlaced',
          data: {
            channel: 'labour_export',
            occupation: 'Food processing',
            country: 'Japan',
            monthlyWageVnd: 30_000_000,
            occurredOn: '2024-02-01',
          },
        },
      ]));

  it('refuses a wage out of range', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'job_placement',
          channel: 'job_fair',
          monthlyWageVnd: 600_000_000,
          occurredAt: '2024-02-01',
        }),
      )
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('records a livelihood model given to a group', () => {
    const state = given(registered())
      .when(
        supportCommand({
          kind: 'livelihood',
          model: 'Fish farming',
          modelType: 'aquaculture',
          valueVnd: 28_000_000,
          group: { name: 'Tổ hợp tác nuôi cá', householdCount: 30 },
          project: 'DA2',
          occurredAt: '2023-09-01',
        }),
      )
      .then([
        {
          type: 'LivelihoodSupported',
          data: {
            model: 'Fish farming',
            modelType: 'aquaculture',
            valueVnd: 28_000_000,
            group: { name: 'Tổ hợp tác nuôi cá', householdCount: 30 },
            component: 'DA2',
            componentVersion: 4,
            occurredOn: '2023-09-01',
          },
        },
      ]);
    expect(state).toMatchObject({ supportCounts: { livelihood: 1 } });
  });

  it('refuses a livelihood value out of range', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'livelihood',
          model: 'Cows',
          modelType: 'livestock',
          valueVnd: 2_000_000_001,
          occurredAt: '2023-09-01',
        }),
      )
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('records production support', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'production',
          items: 'Rice seed, 50 kg',
          valueVnd: 1_500_000,
          occurredAt: '2023-03-01',
        }),
      )
      .then([
        {
          type: 'ProductionSupported',
          data: { items: 'Rice seed, 50 kg', valueVnd: 1_500_000, occurredOn: '2023-03-01' },
        },
      ]));

  it('refuses a production value out of range', () =>
    given(registered())
      .when(supportCommand({ kind: 'production', items: 'Seed', valueVnd: -5, occurredAt: '2023-03-01' }))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('records health insurance cards', () =>
    given(registered())
      .when(
        supportCommand({ kind: 'health_insurance', cardCount: 4, validUntil: '2023-12-31', occurredAt: '2023-01-15' }),
      )
      .then([
        {
          type: 'HealthInsuranceCardsIssued',
          data: { cardCount: 4, validUntil: '2023-12-31', occurredOn: '2023-01-15' },
        },
      ]));

  it('refuses more cards than members', () =>
    given(registered())
      .when(
        supportCommand({ kind: 'health_insurance', cardCount: 5, validUntil: '2023-12-31', occurredAt: '2023-01-15' }),
      )
      .thenThrows('HEALTH_CARDS_EXCEED_MEMBERS'));

  it('refuses cards expiring when issued', () =>
    given(registered())
      .when(
        supportCommand({ kind: 'health_insurance', cardCount: 1, validUntil: '2023-01-15', occurredAt: '2023-01-15' }),
      )
      .thenThrows('CARD_VALIDITY_BEFORE_ISSUE'));

  it('refuses a card count out of range', () =>
    given(registered())
      .when(
        supportCommand({ kind: 'health_insurance', cardCount: 0, validUntil: '2023-12-31', occurredAt: '2023-01-15' }),
      )
      .thenThrows('COUNT_OUT_OF_RANGE'));

  it('records housing support', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'housing',
          support: 'new',
          valueVnd: 40_000_000,
          project: 'DA5',
          occurredAt: '2023-04-01',
        }),
      )
      .then([
        {
          type: 'HousingSupported',
          data: {
            support: 'new',
            valueVnd: 40_000_000,
            component: 'DA5',
            componentVersion: 4,
            occurredOn: '2023-04-01',
          },
        },
      ]));

  it('refuses a housing value out of range', () =>
    given(registered())
      .when(supportCommand({ kind: 'housing', support: 'repair', valueVnd: 0, occurredAt: '2023-04-01' }))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('records water and sanitation support', () =>
    given(registered())
      .when(
        supportCommand({
          kind: 'water_sanitation',
          facility: 'sanitation',
          valueVnd: 6_000_000,
          occurredAt: '2023-04-01',
        }),
      )
      .then([
        {
          type: 'WaterSanitationSupported',
          data: { facility: 'sanitation', valueVnd: 6_000_000, occurredOn: '2023-04-01' },
        },
      ]));

  it('refuses a water and sanitation value out of range', () =>
    given(registered())
      .when(supportCommand({ kind: 'water_sanitation', facility: 'water', valueVnd: 1.5, occurredAt: '2023-04-01' }))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('records other support', () =>
    given(registered())
      .when(supportCommand({ kind: 'other', description: 'School books', occurredAt: '2023-09-05' }))
      .then([{ type: 'OtherSupportProvided', data: { description: 'School books', occurredOn: '2023-09-05' } }]));

  it('refuses other support of a value out of range', () =>
    given(registered())
      .when(supportCommand({ kind: 'other', description: 'Gift', valueVnd: 3_000_000_000, occurredAt: '2023-09-05' }))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('refuses support to an unregistered or closed household', () => {
    const action = supportCommand({ kind: 'other', description: 'Gift', occurredAt: '2023-09-05' });
    given().when(action).thenThrows('HOUSEHOLD_NOT_FOUND');
    const closed = build([
      registerCommand(),
      { type: 'CloseHousehold', householdId: HH, reason: 'dissolved', occurredOn: '2023-05-01' },
    ]);
    given(closed.history).when(action).thenThrows('HOUSEHOLD_CLOSED');
  });
});
