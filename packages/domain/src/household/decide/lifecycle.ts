import { areaOfKind } from '../../geography/units.js';
import { domainError } from '../../shared/error-codes.js';
import type {
  AddNote,
  ChangeHouseholdMembers,
  ClearUnableToEscapeFlag,
  CloseHousehold,
  MoveHousehold,
  RegisterHousehold,
  SetUnableToEscapeFlag,
} from '../commands.js';
import type { HouseholdEvent } from '../events.js';
import { SUPPORT_LIMITS } from '../limits.js';
import type { HouseholdState } from '../state.js';
import type { DecideContext } from './context.js';
import { checkCount, checkUnitValidOn, requireActive, settleArea } from './guards.js';

/** Registers a household in a unit valid on the day. */
export function register(command: RegisterHousehold, state: HouseholdState, ctx: DecideContext): HouseholdEvent[] {
  if (state.status !== 'unregistered') {
    throw domainError('HOUSEHOLD_ALREADY_REGISTERED', `household ${command.householdId} is already registered`, {
      householdId: command.householdId,
    });
  }
  checkCount('memberCount', command.memberCount, SUPPORT_LIMITS.maxMemberCount);
  const unit = checkUnitValidOn(command.unitCode, command.occurredOn, ctx.units);
  const area = settleArea(unit, command.area, command.areaOverrideReason);
  return [
    {
      type: 'HouseholdRegistered',
      data: {
        householdId: command.householdId,
        ...(command.householdCode !== undefined ? { householdCode: command.householdCode } : {}),
        head: command.head,
        memberCount: command.memberCount,
        ...(command.headEthnicity !== undefined ? { headEthnicity: command.headEthnicity } : {}),
        ...area,
        unitCode: command.unitCode,
        ...(command.village !== undefined ? { village: command.village } : {}),
        registeredOn: command.occurredOn,
      },
    },
  ];
}

/** Records a new member count. */
export function changeMembers(command: ChangeHouseholdMembers, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  checkCount('memberCount', command.memberCount, SUPPORT_LIMITS.maxMemberCount);
  if (household.membersListed) {
    throw domainError('MEMBERS_ARE_LISTED', 'this household lists its members: add or remove members instead', {
      memberCount: household.memberCount,
    });
  }
  if (command.memberCount === household.memberCount) {
    throw domainError('NOTHING_CHANGED', `the household already has ${command.memberCount} member(s)`, {
      memberCount: command.memberCount,
    });
  }
  return [
    {
      type: 'HouseholdMembersChanged',
      data: {
        memberCount: command.memberCount,
        previousMemberCount: household.memberCount,
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
        occurredOn: command.occurredOn,
      },
    },
  ];
}

/** Moves the household to a unit valid on the day (or to another village or area). */
export function move(command: MoveHousehold, state: HouseholdState, ctx: DecideContext): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  const unit = checkUnitValidOn(command.toUnitCode, command.occurredOn, ctx.units);
  const sameUnit = command.toUnitCode === household.unitCode;
  // A village belongs to its unit: moving to another unit without naming a village leaves it unknown.
  const village = command.village ?? (sameUnit ? household.village : undefined);
  // In a commune whose kind sets no area, a move that states none keeps the household's.
  const settled = settleArea(
    unit,
    command.area ?? (areaOfKind(unit.kind) === undefined ? household.area : undefined),
    command.areaOverrideReason,
  );
  const area = settled.area;
  if (sameUnit && village === household.village && area === household.area) {
    throw domainError('NOTHING_CHANGED', `the household is already in ${command.toUnitCode}`, {
      unitCode: command.toUnitCode,
    });
  }
  return [
    {
      type: 'HouseholdMoved',
      data: {
        fromUnitCode: household.unitCode,
        toUnitCode: command.toUnitCode,
        ...(village !== undefined ? { village } : {}),
        ...settled,
        occurredOn: command.occurredOn,
      },
    },
  ];
}

/** Flags a listed household as unable to escape. */
export function setFlag(command: SetUnableToEscapeFlag, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  if (household.unableToEscape) {
    throw domainError('FLAG_ALREADY_SET', 'the household is already flagged as unable to escape', {
      since: household.unableToEscape.since,
    });
  }
  // The flag qualifies a listed household (hộ nghèo/cận nghèo không có khả năng thoát nghèo).
  if (household.classification !== 'poor' && household.classification !== 'near_poor') {
    throw domainError('FLAG_REQUIRES_LISTED_HOUSEHOLD', 'only a poor or near-poor household can be flagged', {
      classification: household.classification,
    });
  }
  return [
    {
      type: 'UnableToEscapeFlagSet',
      data: { basis: command.basis, reason: command.reason, occurredOn: command.occurredOn },
    },
  ];
}

/** Clears the unable-to-escape flag. */
export function clearFlag(command: ClearUnableToEscapeFlag, state: HouseholdState): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  if (!household.unableToEscape) {
    throw domainError('FLAG_NOT_SET', 'the household is not flagged as unable to escape', {});
  }
  return [
    {
      type: 'UnableToEscapeFlagCleared',
      data: { reason: command.reason, occurredOn: command.occurredOn, cause: 'case_worker' },
    },
  ];
}

/** Adds a note. */
export function addNote(command: AddNote, state: HouseholdState): HouseholdEvent[] {
  requireActive(state, command.householdId);
  return [
    {
      type: 'NoteAdded',
      data: {
        text: command.text,
        ...(command.category !== undefined ? { category: command.category } : {}),
        occurredOn: command.occurredOn,
      },
    },
  ];
}

/** Closes the household. */
export function close(command: CloseHousehold, state: HouseholdState): HouseholdEvent[] {
  requireActive(state, command.householdId);
  return [{ type: 'HouseholdClosed', data: { reason: command.reason, occurredOn: command.occurredOn } }];
}
