import { domainError } from '../../shared/error-codes.js';
import type { ErasePersonalData } from '../commands.js';
import type { HouseholdEvent } from '../events.js';
import type { HouseholdState } from '../state.js';
import { requireRegistered } from './guards.js';

/**
 * Erasure is allowed on a closed household too (a deceased head's data is erased as well); an erasure
 * with nothing left to erase records nothing, so the history shows each erasure that removed something.
 */
export function erasePersonalData(command: ErasePersonalData, state: HouseholdState): HouseholdEvent[] {
  requireRegistered(state, command.householdId);
  if (command.erasedEvents === 0) {
    throw domainError('NOTHING_TO_ERASE', `household ${command.householdId} holds no personal data`, {
      householdId: command.householdId,
    });
  }
  return [
    {
      type: 'PersonalDataErased',
      data: { reason: command.reason, erasedEvents: command.erasedEvents, occurredOn: command.occurredOn },
    },
  ];
}
