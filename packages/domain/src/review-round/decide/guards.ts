import { domainError } from '../../shared/error-codes.js';
import type { OpenRound, RoundHousehold, RoundState } from '../state.js';

/** The round must exist and be the one the command names. */
export function requireRound(state: RoundState, roundId: string): OpenRound {
  if (state.status === 'none') throw domainError('ROUND_NOT_FOUND', `no review round ${roundId}`, { roundId });
  if (state.roundId !== roundId) {
    throw domainError('ROUND_ID_MISMATCH', `the command is for round ${roundId}, the state for ${state.roundId}`, {
      roundId,
      expectedRoundId: state.roundId,
    });
  }
  return state;
}

/**
 * Nothing changes in a round once its decision is issued: a household's result is corrected in its
 * own history (void or amend the review the decision recorded), like any review.
 */
export function requireUndecided(state: RoundState, roundId: string): OpenRound {
  const round = requireRound(state, roundId);
  if (round.decision) {
    throw domainError(
      'ROUND_DECIDED',
      `round ${roundId} was decided by ${round.decision.decisionNo} on ${round.decision.issuedOn}: correct a household's review in its own history`,
      { roundId, decisionNo: round.decision.decisionNo, issuedOn: round.decision.issuedOn },
    );
  }
  return round;
}

/** Surveys and meetings come before the lists are posted: what is posted is what the villages agreed. */
export function requireNotPosted(round: OpenRound): void {
  if (round.posting) {
    throw domainError(
      'ROUND_LISTS_POSTED',
      `the lists of round ${round.roundId} were posted on ${round.posting.from}: a change now goes through a complaint`,
      { roundId: round.roundId, postedOn: round.posting.from },
    );
  }
}

/** Complaints and the decision follow the posting. */
export function requirePosted(round: OpenRound): NonNullable<OpenRound['posting']> {
  if (!round.posting) {
    throw domainError('ROUND_NOT_POSTED', `the lists of round ${round.roundId} have not been posted yet`, {
      roundId: round.roundId,
    });
  }
  return round.posting;
}

/** The dated steps of a round, as problems name them (messages/labels.ts has them in words). */
export type RoundStep =
  | 'survey'
  | 'village_meeting'
  | 'posting'
  | 'posting_end'
  | 'complaint'
  | 'complaint_resolution'
  | 'decision';

/** A step is not dated before what it follows. */
export function notBefore(step: RoundStep, date: string, earliest: string): void {
  if (date < earliest) {
    throw domainError(
      'ROUND_STEP_TOO_EARLY',
      `the ${step.replaceAll('_', ' ')} (${date}) cannot come before ${earliest}`,
      {
        step,
        date,
        earliest,
      },
    );
  }
}

/** A household the command names must have been proposed in the round. */
export function proposed(round: OpenRound, householdId: string): RoundHousehold {
  const h = round.households[householdId];
  if (!h) {
    throw domainError(
      'ROUND_HOUSEHOLD_NOT_PROPOSED',
      `household ${householdId} has no proposed review in round ${round.roundId}`,
      { roundId: round.roundId, householdId },
    );
  }
  return h;
}

/** Each household once per command. */
export function distinctHouseholds(ids: readonly string[]): void {
  const seen = new Set<string>();
  const twice = ids.filter((id) => seen.size === seen.add(id).size);
  if (twice.length > 0) {
    throw domainError('ROUND_HOUSEHOLD_LISTED_TWICE', `households listed twice: ${twice.join(', ')}`, {
      households: twice,
    });
  }
}
