import { describe, expect, it } from 'vitest';
import { evolve, type HouseholdCommand, initialState } from '../src/index.js';
import { build, HH, OTHER_HH, poor, registerCommand, registered } from './support/fixtures.js';
import { given } from './support/given.js';

const closed = () =>
  build([
    registerCommand(),
    { type: 'CloseHousehold', householdId: HH, reason: 'moved_away', occurredOn: '2024-02-01' },
  ]).history;

describe('RegisterHousehold', () => {
  it('registers a household with the unit code valid on the day', () => {
    const state = given()
      .when(registerCommand({ householdCode: 'CM-0001', village: 'Ấp 3' }))
      .then([
        {
          type: 'HouseholdRegistered',
          data: {
            householdId: HH,
            householdCode: 'CM-0001',
            head: { fullName: 'Nguyễn Văn An', birthYear: 1970 },
            memberCount: 4,
            area: 'rural',
            // A demo commune has no kind: the area is stated.
            areaSource: 'stated',
            unitCode: '96101',
            village: 'Ấp 3',
            registeredOn: '2023-01-10',
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'active', classification: 'unassessed', version: 1, unitCode: '96101' });
  });

  it('refuses a code the registry does not know, and a unit that is no commune', () => {
    given()
      .when(registerCommand({ unitCode: '99999' }))
      .thenThrows('UNKNOWN_UNIT');
    given()
      .when(registerCommand({ unitCode: '96' }))
      .thenThrows('UNIT_NOT_A_COMMUNE');
  });

  it('refuses a second registration', () => {
    given(registered()).when(registerCommand()).thenThrows('HOUSEHOLD_ALREADY_REGISTERED');
  });

  it('refuses an old commune code after it ended, naming the unit that holds it', () => {
    const error = given()
      .when(registerCommand({ unitCode: '95001', occurredOn: '2025-09-15' }))
      .thenThrows('UNIT_NOT_VALID_ON_DATE');
    expect(error.details).toMatchObject({ successors: [{ code: '96002' }] });
    expect(error.message).toMatch(/its territory is now 96002/);
  });

  it('refuses a new commune code before it existed', () => {
    given()
      .when(registerCommand({ unitCode: '96001', occurredOn: '2025-06-30' }))
      .thenThrows('UNIT_NOT_VALID_ON_DATE');
  });

  it('refuses a district code once districts were abolished', () => {
    given()
      .when(registerCommand({ unitCode: '991', occurredOn: '2025-07-01' }))
      .thenThrows('DISTRICT_LEVEL_ABOLISHED');
  });

  it('refuses a member count out of range', () => {
    given()
      .when(registerCommand({ memberCount: 0 }))
      .thenThrows('COUNT_OUT_OF_RANGE');
  });
});

describe('ChangeHouseholdMembers', () => {
  const change = (memberCount: number, householdId = HH): HouseholdCommand => ({
    type: 'ChangeHouseholdMembers',
    householdId,
    memberCount,
    reason: 'a birth',
    occurredOn: '2023-08-01',
  });

  it('records the new and the previous count', () => {
    const state = given(registered())
      .when(change(5))
      .then([
        {
          type: 'HouseholdMembersChanged',
          data: { memberCount: 5, previousMemberCount: 4, reason: 'a birth', occurredOn: '2023-08-01' },
        },
      ]);
    expect(state).toMatchObject({ memberCount: 5, version: 2 });
  });

  it('refuses the same count', () => given(registered()).when(change(4)).thenThrows('NOTHING_CHANGED'));
  it('refuses a count out of range', () => given(registered()).when(change(101)).thenThrows('COUNT_OUT_OF_RANGE'));
  it('refuses an unregistered household', () => given().when(change(5)).thenThrows('HOUSEHOLD_NOT_FOUND'));
  it('refuses a closed household', () => given(closed()).when(change(5)).thenThrows('HOUSEHOLD_CLOSED'));
  it('refuses a command for another household', () =>
    given(registered()).when(change(5, OTHER_HH)).thenThrows('HOUSEHOLD_ID_MISMATCH'));
});

describe('MoveHousehold', () => {
  const move = (toUnitCode: string, extra: Partial<Extract<HouseholdCommand, { type: 'MoveHousehold' }>> = {}) =>
    ({ type: 'MoveHousehold', householdId: HH, toUnitCode, occurredOn: '2025-09-01', ...extra }) as HouseholdCommand;

  it('moves to a unit valid on the day, keeping the code it had', () => {
    const state = given(registered())
      .when(move('96002', { village: 'Ấp 1', area: 'urban' }))
      .then([
        {
          type: 'HouseholdMoved',
          data: {
            fromUnitCode: '96101',
            toUnitCode: '96002',
            village: 'Ấp 1',
            area: 'urban',
            areaSource: 'stated',
            occurredOn: '2025-09-01',
          },
        },
      ]);
    expect(state).toMatchObject({ unitCode: '96002', area: 'urban', village: 'Ấp 1' });
  });

  it('moves within the unit to another village', () => {
    given(registered())
      .when(move('96101', { village: 'Ấp 2', occurredOn: '2024-03-01' }))
      .thenMatch([{ type: 'HouseholdMoved', data: { fromUnitCode: '96101', toUnitCode: '96101', village: 'Ấp 2' } }]);
  });

  it('refuses a move that changes nothing', () =>
    given(registered())
      .when(move('96101', { occurredOn: '2024-03-01' }))
      .thenThrows('NOTHING_CHANGED'));
  it('refuses a unit not valid on the day', () =>
    given(registered()).when(move('96101')).thenThrows('UNIT_NOT_VALID_ON_DATE'));
  it('refuses a district after July 2025', () =>
    given(registered()).when(move('992')).thenThrows('DISTRICT_LEVEL_ABOLISHED'));
  it('refuses a closed household', () => given(closed()).when(move('96002')).thenThrows('HOUSEHOLD_CLOSED'));
  it('refuses an unregistered household', () => given().when(move('96002')).thenThrows('HOUSEHOLD_NOT_FOUND'));
});

describe('AddNote', () => {
  const note: HouseholdCommand = {
    type: 'AddNote',
    householdId: HH,
    text: 'Visited; the roof needs repair.',
    category: 'visit',
    occurredOn: '2023-03-01',
  };

  it('adds a note', () => {
    const state = given(registered())
      .when(note)
      .then([
        {
          type: 'NoteAdded',
          data: { text: 'Visited; the roof needs repair.', category: 'visit', occurredOn: '2023-03-01' },
        },
      ]);
    expect(state).toMatchObject({ notes: 1 });
  });
  it('refuses an unregistered household', () => given().when(note).thenThrows('HOUSEHOLD_NOT_FOUND'));
  it('refuses a closed household', () => given(closed()).when(note).thenThrows('HOUSEHOLD_CLOSED'));
});

describe('CloseHousehold', () => {
  const close: HouseholdCommand = {
    type: 'CloseHousehold',
    householdId: HH,
    reason: 'deceased',
    occurredOn: '2024-05-05',
  };

  it('closes the household, keeping what it was', () => {
    const state = given(poor())
      .when(close)
      .then([{ type: 'HouseholdClosed', data: { reason: 'deceased', occurredOn: '2024-05-05' } }]);
    expect(state).toMatchObject({
      status: 'closed',
      closedOn: '2024-05-05',
      closeReason: 'deceased',
      classification: 'poor',
      unitCode: '96101',
      area: 'rural',
      version: 3,
    });
  });
  it('refuses to close twice', () => given(closed()).when(close).thenThrows('HOUSEHOLD_CLOSED'));
  it('refuses an unregistered household', () => given().when(close).thenThrows('HOUSEHOLD_NOT_FOUND'));
});

describe('unable-to-escape flag', () => {
  const set: HouseholdCommand = {
    type: 'SetUnableToEscapeFlag',
    householdId: HH,
    basis: 'no_working_age_labour',
    reason: 'Two elderly members, no one of working age',
    occurredOn: '2023-06-01',
  };
  const clear: HouseholdCommand = {
    type: 'ClearUnableToEscapeFlag',
    householdId: HH,
    reason: 'A grandson returned to work the land',
    occurredOn: '2024-01-01',
  };
  const nearPoor: HouseholdCommand = {
    type: 'AssessHousehold',
    householdId: HH,
    assessment: { reviewType: 'regular', effectiveDate: '2023-05-15', incomePerCapitaVnd: 1_000_000, deprivations: [] },
  };
  const flagged = () => build([registerCommand(), nearPoor, set]).history;

  it('sets the flag on a listed household', () => {
    const state = given(poor())
      .when(set)
      .then([
        {
          type: 'UnableToEscapeFlagSet',
          data: {
            basis: 'no_working_age_labour',
            reason: 'Two elderly members, no one of working age',
            occurredOn: '2023-06-01',
          },
        },
      ]);
    expect(state).toMatchObject({ unableToEscape: { basis: 'no_working_age_labour', since: '2023-06-01' } });
  });

  it('refuses the flag for an unassessed household', () => {
    given(registered()).when(set).thenThrows('FLAG_REQUIRES_LISTED_HOUSEHOLD');
  });

  it('refuses to set it twice', () => given(flagged()).when(set).thenThrows('FLAG_ALREADY_SET'));

  it('clears the flag with a reason', () => {
    const state = given(flagged())
      .when(clear)
      .then([
        {
          type: 'UnableToEscapeFlagCleared',
          data: { reason: 'A grandson returned to work the land', occurredOn: '2024-01-01', cause: 'case_worker' },
        },
      ]);
    expect(state).toMatchObject({ unableToEscape: null });
  });

  it('refuses to clear a flag that is not set', () => given(poor()).when(clear).thenThrows('FLAG_NOT_SET'));
  it('refuses a closed household', () => given(closed()).when(set).thenThrows('HOUSEHOLD_CLOSED'));
});

describe('evolve', () => {
  it('ignores events before registration instead of throwing', () => {
    const state = evolve(initialState(), { type: 'NoteAdded', data: { text: 'x', occurredOn: '2024-01-01' } });
    expect(state).toEqual({ status: 'unregistered' });
  });

  it('works as a reduce callback over bare events (existing callers)', () => {
    const events = build([registerCommand()]).history.map((e) => e.event);
    expect(events.reduce(evolve, initialState())).toMatchObject({ status: 'active', version: 1 });
  });
});
