import { describe, expect, it } from 'vitest';
import {
  AddHouseholdMember,
  encodeHouseholdEvent,
  type HouseholdCommand,
  type RegisteredHousehold,
} from '../src/index.js';
import { build, HH, memberCommand, memberId, registerCommand, registered } from './support/fixtures.js';
import { given } from './support/given.js';

const remove = (n: number): HouseholdCommand => ({
  type: 'RemoveHouseholdMember',
  householdId: HH,
  memberId: memberId(n),
  reason: 'moved_out',
  occurredOn: '2024-03-01',
});

describe('household members', () => {
  it('lists members: from the first one the count is the list, and removing one lowers it', () => {
    const { history, state } = build([
      registerCommand({ memberCount: 4 }),
      memberCommand(memberId(1), { relationship: 'head', sex: 'male', ethnicity: '05', birthYear: 1968 }),
      memberCommand(memberId(2), { relationship: 'spouse', ethnicity: '05' }),
      memberCommand(memberId(3), { relationship: 'child', birthYear: 2012, schooling: 'attending' }),
    ]);
    expect(state).toMatchObject({ memberCount: 3, membersListed: true, headEthnicity: '05' });
    const after = given(history)
      .when(remove(3))
      .thenMatch([{ type: 'HouseholdMemberRemoved', data: { reason: 'moved_out' } }]);
    expect(after).toMatchObject({ memberCount: 2 });
    const born = given(history)
      .when({ ...memberCommand(memberId(4), { birthYear: 2024 }), reason: 'birth' } as HouseholdCommand)
      .thenMatch([{ type: 'HouseholdMemberAdded', data: { reason: 'birth' } }]);
    expect(born).toMatchObject({ memberCount: 4 });
  });

  it('keeps a household registered with a count working as before', () => {
    const state = given(registered())
      .when({ type: 'ChangeHouseholdMembers', householdId: HH, memberCount: 5, occurredOn: '2024-01-01' })
      .thenMatch([{ type: 'HouseholdMembersChanged' }]) as RegisteredHousehold;
    expect(state).toMatchObject({ memberCount: 5, membersListed: false, members: {} });
  });

  it('records what changed about a member, and refuses a change that changes nothing', () => {
    const { history } = build([
      registerCommand(),
      memberCommand(memberId(1), { relationship: 'head' }),
      memberCommand(memberId(2)),
    ]);
    const change = (facts: object): HouseholdCommand => ({
      type: 'ChangeHouseholdMember',
      householdId: HH,
      memberId: memberId(2),
      facts,
      occurredOn: '2024-05-01',
    });
    const state = given(history)
      .when(change({ healthInsurance: true, relationship: 'child' }))
      .then([
        {
          type: 'HouseholdMemberChanged',
          data: { memberId: memberId(2), facts: { healthInsurance: true }, occurredOn: '2024-05-01' },
        },
      ]) as RegisteredHousehold;
    expect(state.members[memberId(2)]?.facts).toMatchObject({ healthInsurance: true, relationship: 'child' });
    given(history)
      .when(change({ relationship: 'child' }))
      .thenThrows('NOTHING_CHANGED');
    given(history)
      .when(change({ relationship: 'head' }))
      .thenThrows('HEAD_ALREADY_LISTED');
  });

  it('keeps a member’s name and ID number in the personal part of the event, and the head’s ethnicity in its data', () => {
    const { history } = build([
      registerCommand({ headEthnicity: '08' }),
      {
        ...memberCommand(memberId(1)),
        person: { fullName: 'Giàng A Páo', nationalId: '012345678901' },
      } as HouseholdCommand,
    ]);
    const registration = encodeHouseholdEvent(history[0]?.event ?? ({} as never));
    expect(registration.data).toMatchObject({ headEthnicity: '08' });
    const added = encodeHouseholdEvent(history[1]?.event ?? ({} as never));
    expect(added.personal).toEqual({ person: { fullName: 'Giàng A Páo', nationalId: '012345678901' } });
    expect(JSON.stringify(added.data)).not.toMatch(/Giàng|012345678901/);
  });

  it('refuses an ethnicity not on the national list at the boundary', () => {
    expect(AddHouseholdMember.safeParse(memberCommand(memberId(1), { ethnicity: '05' })).success).toBe(true);
    expect(AddHouseholdMember.safeParse(memberCommand(memberId(1), { ethnicity: '99' })).success).toBe(false);
  });
});
