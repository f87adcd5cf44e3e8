import { DEFAULT_DECIDE_CONTEXT, type DecideContext } from '../household/decide/context.js';
import { assertNever } from '../shared/exhaustive.js';
import type { RoundCommand } from './commands.js';
import { receiveComplaint, resolveComplaint } from './decide/complaints.js';
import { issueDecision, markApplied } from './decide/decision.js';
import { holdMeeting } from './decide/meetings.js';
import { openRound } from './decide/open.js';
import { postLists } from './decide/posting.js';
import { proposeReview } from './decide/surveys.js';
import type { RoundEvent } from './events.js';
import type { RoundState } from './state.js';

/**
 * Decides the events a round command produces on the round's state, or throws a DomainError. Pure:
 * dates, ids and the households' facts come with the command; `context` is reference data (units,
 * the rule book), the shipped data by default.
 */
export function decideRound(
  command: RoundCommand,
  state: RoundState,
  context: DecideContext = DEFAULT_DECIDE_CONTEXT,
): RoundEvent[] {
  switch (command.type) {
    case 'OpenReviewRound':
      return openRound(command, state, context);
    case 'ProposeRoundReview':
      return proposeReview(command, state, context);
    case 'HoldVillageMeeting':
      return holdMeeting(command, state, context);
    case 'PostRoundLists':
      return postLists(command, state);
    case 'ReceiveRoundComplaint':
      return receiveComplaint(command, state);
    case 'ResolveRoundComplaint':
      return resolveComplaint(command, state, context);
    case 'IssueRoundDecision':
      return issueDecision(command, state, context);
    case 'MarkRoundDecisionApplied':
      return markApplied(command, state);
    default:
      return assertNever(command, 'round command');
  }
}
