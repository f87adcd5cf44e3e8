import { assertNever } from '../shared/exhaustive.js';
import type { CorrectionCommand, HouseholdCommand } from './commands.js';
import { assess } from './decide/assess.js';
import { DEFAULT_DECIDE_CONTEXT, type DecideContext } from './decide/context.js';
import { amendEvent, voidEvent } from './decide/corrections.js';
import { erasePersonalData } from './decide/erasure.js';
import { addNote, changeMembers, clearFlag, close, move, register, setFlag } from './decide/lifecycle.js';
import { addMember, changeMember, removeMember } from './decide/members.js';
import { recordSupport } from './decide/support.js';
import type { HouseholdEvent } from './events.js';
import type { HouseholdState } from './state.js';

function decideCorrection(command: CorrectionCommand, state: HouseholdState, ctx: DecideContext): HouseholdEvent[] {
  return decide(command, state, ctx);
}

/**
 * Decides the events a command produces on the given state, or throws a DomainError. Pure: dates and
 * ids come with the command; `context` is reference data (standards, units, loan rates), the shipped
 * data by default.
 */
export function decide(
  command: HouseholdCommand,
  state: HouseholdState,
  context: DecideContext = DEFAULT_DECIDE_CONTEXT,
): HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return register(command, state, context);
    case 'ChangeHouseholdMembers':
      return changeMembers(command, state);
    case 'AddHouseholdMember':
      return addMember(command, state);
    case 'ChangeHouseholdMember':
      return changeMember(command, state);
    case 'RemoveHouseholdMember':
      return removeMember(command, state);
    case 'MoveHousehold':
      return move(command, state, context);
    case 'AssessHousehold':
      return assess(command, state, context);
    case 'SetUnableToEscapeFlag':
      return setFlag(command, state);
    case 'ClearUnableToEscapeFlag':
      return clearFlag(command, state);
    case 'RecordSupportAction':
      return recordSupport(command, state, context);
    case 'AddNote':
      return addNote(command, state);
    case 'VoidEvent':
      return voidEvent(command, state);
    case 'AmendEvent':
      return amendEvent(command, state, context, decideCorrection);
    case 'CloseHousehold':
      return close(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default:
      return assertNever(command, 'household command');
  }
}
