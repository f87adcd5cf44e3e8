import { describe, expect, it } from 'vitest';
import { type HouseholdCommand, replay } from '../src/index.js';
import {
  assessCommand,
  build,
  escaped,
  eventId,
  HH,
  poor,
  poorLoan,
  registerCommand,
  registered,
  supportCommand,
} from './support/fixtures.js';
import { given } from './support/given.js';

const voidCommand = (n: number, reason = 'Entered twice'): HouseholdCommand => ({
  type: 'VoidEvent',
  householdId: HH,
  eventId: eventId(n),
  reason,
  occurredOn: '2025-01-05',
});

const amendCommand = (n: number, correction: Extract<HouseholdCommand, { type: 'AmendEvent' }>['correction']) =>
  ({
    type: 'AmendEvent',
    householdId: HH,
    eventId: eventId(n),
    reason: 'Typing mistake',
    occurredOn: '2025-01-05',
    correction,
  }) as HouseholdCommand;

const withLoan = () => build([registerCommand(), assessCommand(), supportCommand(poorLoan())]).history;

describe('VoidEvent', () => {
  it('voids a loan: the state stops counting it', () => {
    const state = given(withLoan())
      .when(voidCommand(3))
      .then([
        {
          type: 'EventVoided',
          data: { eventId: eventId(3), voidedType: 'LoanGranted', reason: 'Entered twice', occurredOn: '2025-01-05' },
        },
      ]);
    expect(state).toMatchObject({ loans: {}, supportCounts: { loan: 0 }, version: 4 });
    if (state.status === 'unregistered') throw new Error('unreachable');
    expect(state.log[2]).toMatchObject({ eventId: eventId(3), voided: true });
  });

  it('voids a review: classification, escapes and transitions are re-derived', () => {
    const state = given(escaped())
      .when(voidCommand(3))
      .thenMatch([{ type: 'EventVoided' }]);
    expect(state).toMatchObject({ classification: 'poor', escapes: [], lastReview: { effectiveDate: '2023-05-15' } });
    // A later review is re-read against what still counts: without the 2023 review it is the first one.
    const without2023 = given(escaped())
      .when(voidCommand(2))
      .thenMatch([{ type: 'EventVoided' }]);
    expect(without2023).toMatchObject({
      classification: 'non_poor',
      escapes: [],
      reviews: [{ effectiveDate: '2024-12-10', transition: 'classified_non_poor' }],
    });
  });

  it('gives the state of a history without the voided event', () => {
    const history = withLoan();
    const state = given(history)
      .when(voidCommand(3))
      .thenMatch([{ type: 'EventVoided' }]);
    const without = replay(history.filter((e) => e.eventId !== eventId(3)));
    const { version: _v1, log: _l1, ...facts } = state as Extract<typeof state, { status: 'active' }>;
    const { version: _v2, log: _l2, ...expected } = without as Extract<typeof without, { status: 'active' }>;
    expect(facts).toEqual(expected);
  });

  it('refuses an event id not in the history', () =>
    given(withLoan()).when(voidCommand(99)).thenThrows('EVENT_NOT_FOUND'));

  it('refuses an event already voided', () => {
    const history = build([registerCommand(), assessCommand(), supportCommand(poorLoan()), voidCommand(3)]).history;
    given(history).when(voidCommand(3)).thenThrows('EVENT_ALREADY_VOIDED');
  });

  it('refuses to void the registration or a correction', () => {
    given(withLoan()).when(voidCommand(1)).thenThrows('EVENT_NOT_CORRECTABLE');
    const history = build([registerCommand(), assessCommand(), supportCommand(poorLoan()), voidCommand(3)]).history;
    given(history).when(voidCommand(4)).thenThrows('EVENT_NOT_CORRECTABLE');
  });

  it('refuses to void a grant whose follow-ups still count', () => {
    const history = build([
      registerCommand(),
      assessCommand(),
      supportCommand(poorLoan()),
      supportCommand({
        kind: 'loan',
        action: 'repaid',
        loanId: 'KU-001',
        amountVnd: 1_000_000,
        occurredAt: '2024-01-01',
      }),
    ]).history;
    given(history).when(voidCommand(3)).thenThrows('EVENT_HAS_DEPENDANTS');
    const followUpVoided = build([
      registerCommand(),
      assessCommand(),
      supportCommand(poorLoan()),
      supportCommand({
        kind: 'loan',
        action: 'repaid',
        loanId: 'KU-001',
        amountVnd: 1_000_000,
        occurredAt: '2024-01-01',
      }),
      voidCommand(4),
    ]).history;
    given(followUpVoided)
      .when(voidCommand(3))
      .thenMatch([{ type: 'EventVoided' }]);
  });

  it('reopens a household by voiding its closure, and refuses anything else once closed', () => {
    const history = build([
      registerCommand(),
      assessCommand(),
      { type: 'CloseHousehold', householdId: HH, reason: 'moved_away', occurredOn: '2024-01-01' },
    ]).history;
    given(history).when(voidCommand(2)).thenThrows('HOUSEHOLD_CLOSED');
    given(history).when(voidCommand(99)).thenThrows('HOUSEHOLD_CLOSED');
    const state = given(history)
      .when(voidCommand(3))
      .thenMatch([{ data: { voidedType: 'HouseholdClosed' } }]);
    expect(state).toMatchObject({ status: 'active', classification: 'poor', version: 4 });
  });

  it('refuses an unregistered household', () => given().when(voidCommand(1)).thenThrows('HOUSEHOLD_NOT_FOUND'));
});

describe('AmendEvent', () => {
  it('amends a loan amount: the state counts the replacement', () => {
    const state = given(withLoan())
      .when(amendCommand(3, supportCommand(poorLoan({ amountVnd: 30_000_000 }))))
      .then([
        {
          type: 'EventAmended',
          data: {
            eventId: eventId(3),
            reason: 'Typing mistake',
            occurredOn: '2025-01-05',
            replacement: {
              type: 'LoanGranted',
              data: {
                loanId: 'KU-001',
                programme: 'poor_household',
                amountVnd: 30_000_000,
                termMonths: 60,
                annualRatePercent: 6.6,
                rateVersion: 3,
                capVersion: 3,
                lender: 'VBSP',
                occurredOn: '2023-06-01',
              },
            },
          },
        },
      ]);
    expect(state).toMatchObject({ loans: { 'KU-001': { amountVnd: 30_000_000, outstandingVnd: 30_000_000 } } });
  });

  it('amends a review, deciding it again on the household as it was before it', () => {
    const state = given(escaped())
      .when(
        amendCommand(
          3,
          assessCommand({
            reviewType: 'periodic',
            effectiveDate: '2024-12-10',
            incomePerCapitaVnd: 1_400_000,
            deprivations: [],
          }),
        ),
      )
      .thenMatch([
        {
          type: 'EventAmended',
          data: {
            replacement: {
              data: { classification: 'near_poor', previousClassification: 'poor', transition: 'escaped_poverty' },
            },
          },
        },
      ]);
    expect(state).toMatchObject({ classification: 'near_poor', escapes: [{ from: 'poor', to: 'near_poor' }] });
  });

  it('applies the rules of the original command to the correction', () =>
    given(withLoan())
      .when(amendCommand(3, supportCommand(poorLoan({ amountVnd: 200_000_000 }))))
      .thenThrows('AMOUNT_OUT_OF_RANGE'));

  it('amends a note', () =>
    given(
      build([registerCommand(), { type: 'AddNote', householdId: HH, text: 'Vistied', occurredOn: '2023-02-01' }])
        .history,
    )
      .when(amendCommand(2, { type: 'AddNote', householdId: HH, text: 'Visited', occurredOn: '2023-02-01' }))
      .thenMatch([{ data: { replacement: { type: 'NoteAdded', data: { text: 'Visited' } } } }]));

  it('refuses a correction of another type', () =>
    given(withLoan())
      .when(amendCommand(3, { type: 'AddNote', householdId: HH, text: 'x', occurredOn: '2023-02-01' }))
      .thenThrows('AMENDMENT_TYPE_MISMATCH'));

  it('refuses a correction that changes the loan it refers to', () =>
    given(withLoan())
      .when(amendCommand(3, supportCommand(poorLoan({ loanId: 'KU-002' }))))
      .thenThrows('AMENDMENT_CHANGES_IDENTITY'));

  it('refuses a review moved after the next review', () =>
    given(escaped())
      .when(amendCommand(2, assessCommand({ effectiveDate: '2025-01-01' })))
      .thenThrows('AMENDMENT_OUT_OF_ORDER'));

  it('refuses to amend a registration, a voided event or an unknown one', () => {
    given(withLoan()).when(amendCommand(1, assessCommand())).thenThrows('EVENT_NOT_CORRECTABLE');
    const voided = build([registerCommand(), assessCommand(), supportCommand(poorLoan()), voidCommand(3)]).history;
    given(voided)
      .when(amendCommand(3, supportCommand(poorLoan())))
      .thenThrows('EVENT_ALREADY_VOIDED');
    given(withLoan())
      .when(amendCommand(42, supportCommand(poorLoan())))
      .thenThrows('EVENT_NOT_FOUND');
  });

  it('refuses a closed household', () => {
    const history = build([
      registerCommand(),
      assessCommand(),
      { type: 'CloseHousehold', householdId: HH, reason: 'dissolved', occurredOn: '2024-01-01' },
    ]).history;
    given(history).when(amendCommand(2, assessCommand())).thenThrows('HOUSEHOLD_CLOSED');
  });

  it('refuses an unregistered household', () =>
    given().when(amendCommand(2, assessCommand())).thenThrows('HOUSEHOLD_NOT_FOUND'));

  it('keeps later voids and amendments in force when replaying', () => {
    const history = build([
      registerCommand(),
      assessCommand(),
      supportCommand(poorLoan()),
      amendCommand(3, supportCommand(poorLoan({ amountVnd: 30_000_000 }))),
      voidCommand(2),
    ]).history;
    expect(replay(history)).toMatchObject({
      classification: 'unassessed',
      loans: { 'KU-001': { amountVnd: 30_000_000 } },
    });
    expect(given(registered()).state).toMatchObject({ version: 1 });
    expect(given(poor()).state).toMatchObject({ version: 2 });
  });
});
