import type { DecideContext } from '../../household/decide/context.js';
import { domainError } from '../../shared/error-codes.js';
import { classified, classifyRoundResult } from '../classify-result.js';
import type { ProposeRoundReview } from '../commands.js';
import type { RoundEvent } from '../events.js';
import type { RoundState } from '../state.js';
import { notBefore, requireNotPosted, requireUndecided } from './guards.js';

/**
 * Proposes a household's survey result. The household lives in the round's commune (or in a unit that
 * became part of it); it is grouped under its village, which its village meeting needs. The result is
 * classified now, so a wrong indicator or figure is refused when entered, not at the decision. A
 * household surveyed again before its meeting gets the new proposal; after its meeting, its result
 * changes only through a complaint.
 */
export function proposeReview(command: ProposeRoundReview, state: RoundState, ctx: DecideContext): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  requireNotPosted(round);
  notBefore('survey', command.surveyedOn, round.openedOn);
  const { household } = command;
  if (household.unitCode !== round.unitCode && !ctx.units.unitCovers(round.unitCode, household.unitCode)) {
    throw domainError(
      'ROUND_HOUSEHOLD_OUTSIDE_UNIT',
      `household ${command.householdId} is recorded in ${household.unitCode}, not in the round's commune ${round.unitCode}`,
      { householdId: command.householdId, unitCode: household.unitCode, roundUnitCode: round.unitCode },
    );
  }
  if (household.village === undefined) {
    throw domainError(
      'ROUND_VILLAGE_REQUIRED',
      `household ${command.householdId} has no village recorded: state the village it meets in`,
      { householdId: command.householdId },
    );
  }
  const earlier = round.households[command.householdId];
  if (earlier?.meeting) {
    throw domainError(
      'ROUND_MEETING_OUTCOME_RECORDED',
      `household ${command.householdId} was already agreed at the ${earlier.village} meeting on ${earlier.meeting.heldOn}`,
      { householdId: command.householdId, village: earlier.village, heldOn: earlier.meeting.heldOn },
    );
  }
  const result = classifyRoundResult(command.result, round, household.area, command.surveyedOn, ctx);
  return [
    {
      type: 'RoundReviewProposed',
      data: {
        householdId: command.householdId,
        village: household.village,
        area: household.area,
        applied: command.applied,
        surveyedOn: command.surveyedOn,
        result: command.result,
        proposed: classified(result),
        ...(command.document !== undefined ? { document: command.document } : {}),
      },
    },
  ];
}
