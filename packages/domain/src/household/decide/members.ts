import { domainError } from '../../shared/error-codes.js';
import type { AddHouseholdMember, ChangeHouseholdMember, RemoveHouseholdMember } from '../commands.js';
import type { MemberFacts } from '../events/members.js';
import type { HouseholdEvent } from '../events.js';
import { SUPPORT_LIMITS } from '../limits.js';
import type { ActiveHousehold, HouseholdState } from '../state.js';
import { requireActive } from './guards.js';

function checkOneHead(household: ActiveHousehold, memberId: string, facts: Partial<MemberFacts>): void {
  if (facts.relationship !== 'head') return;
  const head = Object.values(household.members).find((m) => m.facts.relationship === 'head' && m.memberId !== memberId);
  if (head) {
    throw domainError('HEAD_ALREADY_LISTED', 'the household already lists its head: change that member first', {
      headMemberId: head.memberId,
    });
  }
}

function listedMember(household: ActiveHousehold, memberId: string) {
  const member = household.members[memberId];
  if (!member) throw domainError('MEMBER_NOT_FOUND', `no member ${memberId} is listed`, { memberId });
  return member;
}

/**
 * Lists a member. The first one listed turns the household's count into its list: from then on it
 * has as many members as it lists (list every member, the head included).
 */
export function addMember(command: AddHouseholdMember, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  if (household.members[command.memberId]) {
    throw domainError('MEMBER_ALREADY_LISTED', `member ${command.memberId} is already listed`, {
      memberId: command.memberId,
    });
  }
  if (Object.keys(household.members).length >= SUPPORT_LIMITS.maxMemberCount) {
    throw domainError('COUNT_OUT_OF_RANGE', `a household lists at most ${SUPPORT_LIMITS.maxMemberCount} members`, {
      field: 'members',
      max: SUPPORT_LIMITS.maxMemberCount,
    });
  }
  checkOneHead(household, command.memberId, command.facts);
  return [
    {
      type: 'HouseholdMemberAdded',
      data: {
        memberId: command.memberId,
        person: command.person,
        facts: command.facts,
        reason: command.reason,
        occurredOn: command.occurredOn,
      },
    },
  ];
}

/** Records what changed about a listed member; a change that changes nothing is refused. */
export function changeMember(command: ChangeHouseholdMember, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  const member = listedMember(household, command.memberId);
  const facts = Object.fromEntries(
    Object.entries(command.facts).filter(([k, v]) => v !== undefined && member.facts[k as keyof MemberFacts] !== v),
  ) as Partial<MemberFacts>;
  const person = command.person && Object.keys(command.person).length > 0 ? command.person : undefined;
  if (Object.keys(facts).length === 0 && !person) {
    throw domainError('NOTHING_CHANGED', `member ${command.memberId} is already recorded so`, {
      memberId: command.memberId,
    });
  }
  checkOneHead(household, command.memberId, facts);
  return [
    {
      type: 'HouseholdMemberChanged',
      data: { memberId: command.memberId, ...(person ? { person } : {}), facts, occurredOn: command.occurredOn },
    },
  ];
}

/** Takes a member off the list. The last one cannot go: a household with nobody left is closed instead. */
export function removeMember(command: RemoveHouseholdMember, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  listedMember(household, command.memberId);
  if (Object.keys(household.members).length === 1) {
    throw domainError('LAST_MEMBER', 'the last listed member cannot be removed: close the household instead', {
      memberId: command.memberId,
    });
  }
  return [
    {
      type: 'HouseholdMemberRemoved',
      data: {
        memberId: command.memberId,
        reason: command.reason,
        ...(command.note !== undefined ? { note: command.note } : {}),
        occurredOn: command.occurredOn,
      },
    },
  ];
}
