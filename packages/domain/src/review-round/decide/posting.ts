import { domainError } from '../../shared/error-codes.js';
import type { PostRoundLists } from '../commands.js';
import type { RoundEvent } from '../events.js';
import type { RoundState } from '../state.js';
import { notBefore, requireNotPosted, requireUndecided } from './guards.js';

/**
 * Records the public posting of the draft lists. What is posted is what the villages agreed: every
 * proposal has its meeting outcome, and the posting starts after the last meeting and ends on or after
 * the day it starts. Lists are posted once.
 */
export function postLists(command: PostRoundLists, state: RoundState): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  requireNotPosted(round);
  const households = Object.values(round.households);
  if (households.length === 0) {
    throw domainError('ROUND_HAS_NO_REVIEWS', `round ${round.roundId} has no proposed review to post`, {
      roundId: round.roundId,
    });
  }
  const pending = households.filter((h) => !h.meeting);
  if (pending.length > 0) {
    const villages = [...new Set(pending.map((h) => h.village))].sort();
    throw domainError(
      'ROUND_MEETINGS_PENDING',
      `${pending.length} proposal(s) have no village meeting outcome yet (${villages.join(', ')})`,
      { villages, households: pending.map((h) => h.householdId) },
    );
  }
  // ISO dates sort as text: the last of them is the latest meeting (or the opening, before any).
  const lastMeeting = [round.openedOn, ...round.meetings.map((m) => m.heldOn)].sort().at(-1) ?? round.openedOn;
  notBefore('posting', command.from, lastMeeting);
  notBefore('posting_end', command.to, command.from);
  return [{ type: 'RoundListsPosted', data: { from: command.from, to: command.to, document: command.document } }];
}
