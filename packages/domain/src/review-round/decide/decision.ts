import type { DecideContext } from '../../household/decide/context.js';
import { addDays } from '../../shared/dates.js';
import { domainError } from '../../shared/error-codes.js';
import { listYearFor } from '../../standards/list-year-rule.js';
import { classified, classifyRoundResult } from '../classify-result.js';
import type { IssueRoundDecision, MarkRoundDecisionApplied } from '../commands.js';
import type { DecidedResult, RoundEvent } from '../events.js';
import { currentResult, type RoundState } from '../state.js';
import { notBefore, requirePosted, requireRound, requireUndecided } from './guards.js';

/**
 * Records the decision that makes the round's results official, all at once and effective on its date.
 * It comes after the posting has ended (the day after its last day at the earliest) and after every
 * complaint is resolved; its date must still decide the round's list year (a periodic decision by the
 * end of the list year at the latest, a regular one within it). Each household's final result — its
 * survey, as its meeting changed it, as an upheld complaint changed it — is classified on the
 * decision's date and recorded in the decision, the one record the households' reviews then follow.
 */
export function issueDecision(command: IssueRoundDecision, state: RoundState, ctx: DecideContext): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  const posting = requirePosted(round);
  const earliest = addDays(posting.to, 1);
  if (command.issuedOn < earliest) {
    throw domainError(
      'ROUND_DECISION_BEFORE_POSTING_ENDED',
      `the lists are posted until ${posting.to}: the decision can be issued from ${earliest}, not on ${command.issuedOn}`,
      { issuedOn: command.issuedOn, postedUntil: posting.to, earliest },
    );
  }
  const households = Object.values(round.households);
  const open = households.filter((h) => h.complaint && !h.complaint.resolved).map((h) => h.householdId);
  if (open.length > 0) {
    throw domainError('ROUND_COMPLAINTS_UNRESOLVED', `${open.length} complaint(s) are not resolved yet`, {
      households: open,
    });
  }
  for (const h of households) {
    const resolvedOn = h.complaint?.resolved?.resolvedOn;
    if (resolvedOn) notBefore('decision', command.issuedOn, resolvedOn);
  }
  listYearFor(round.kind, command.issuedOn, round.listYear, ctx.rules.on(command.issuedOn).listYearRules);
  const results: DecidedResult[] = households.map((h) => {
    const { source, result } = currentResult(h);
    return {
      householdId: h.householdId,
      village: h.village,
      applied: h.applied,
      source,
      result,
      decided: classified(classifyRoundResult(result, round, h.area, command.issuedOn, ctx)),
    };
  });
  return [
    {
      type: 'RoundDecisionIssued',
      data: {
        decisionNo: command.decisionNo,
        issuedOn: command.issuedOn,
        signer: command.signer,
        ...(command.document !== undefined ? { document: command.document } : {}),
        results,
      },
    },
  ];
}

/** Records that every household of the decision has its review: the round is complete. */
export function markApplied(command: MarkRoundDecisionApplied, state: RoundState): RoundEvent[] {
  const round = requireRound(state, command.roundId);
  if (!round.decision) {
    throw domainError('ROUND_NOT_DECIDED', `round ${round.roundId} has no decision yet`, { roundId: round.roundId });
  }
  if (round.applied) {
    throw domainError(
      'ROUND_DECISION_ALREADY_APPLIED',
      `the decision of round ${round.roundId} is already applied to its ${round.applied.households} household(s)`,
      { roundId: round.roundId, households: round.applied.households },
    );
  }
  return [{ type: 'RoundDecisionApplied', data: { households: round.decision.results.length } }];
}
