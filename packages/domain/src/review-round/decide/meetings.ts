import type { DecideContext } from '../../household/decide/context.js';
import { domainError } from '../../shared/error-codes.js';
import { classified, classifyRoundResult } from '../classify-result.js';
import type { HoldVillageMeeting } from '../commands.js';
import type { MeetingOutcome, RoundEvent } from '../events.js';
import type { RoundState } from '../state.js';
import { distinctHouseholds, notBefore, proposed, requireNotPosted, requireUndecided } from './guards.js';

/**
 * Records a village meeting (bình xét). It gives an outcome for every proposal of the village still
 * waiting for one — a village may meet again for households surveyed after its first meeting — and
 * for no household of another village. It is held after the surveys it rules on. A changed result is
 * classified on the meeting's date.
 */
export function holdMeeting(command: HoldVillageMeeting, state: RoundState, ctx: DecideContext): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  requireNotPosted(round);
  distinctHouseholds(command.outcomes.map((o) => o.householdId));
  const outcomes: MeetingOutcome[] = command.outcomes.map((o) => {
    const h = proposed(round, o.householdId);
    if (h.village !== command.village) {
      throw domainError(
        'ROUND_VILLAGE_MISMATCH',
        `household ${o.householdId} was proposed in ${h.village}, not in ${command.village}`,
        { householdId: o.householdId, village: h.village, meetingVillage: command.village },
      );
    }
    if (h.meeting) {
      throw domainError(
        'ROUND_MEETING_OUTCOME_RECORDED',
        `household ${o.householdId} was already agreed at the ${h.village} meeting on ${h.meeting.heldOn}`,
        { householdId: o.householdId, village: h.village, heldOn: h.meeting.heldOn },
      );
    }
    notBefore('village_meeting', command.heldOn, h.surveyedOn);
    if (o.outcome === 'agreed' || !o.result) return { householdId: o.householdId, outcome: 'agreed' };
    const changedTo = classified(classifyRoundResult(o.result, round, h.area, command.heldOn, ctx));
    return { householdId: o.householdId, outcome: 'changed', result: o.result, changedTo };
  });
  const named = new Set(command.outcomes.map((o) => o.householdId));
  const missing = Object.values(round.households)
    .filter((h) => h.village === command.village && !h.meeting && !named.has(h.householdId))
    .map((h) => h.householdId);
  if (missing.length > 0) {
    throw domainError(
      'ROUND_MEETING_OUTCOME_MISSING',
      `the ${command.village} meeting must rule on every proposal of the village still waiting: ${missing.join(', ')}`,
      { village: command.village, households: missing },
    );
  }
  return [
    {
      type: 'RoundVillageMeetingHeld',
      data: { village: command.village, heldOn: command.heldOn, document: command.document, outcomes },
    },
  ];
}
