import type { DecideContext } from '../../household/decide/context.js';
import { domainError } from '../../shared/error-codes.js';
import { classified, classifyRoundResult } from '../classify-result.js';
import type { ReceiveRoundComplaint, ResolveRoundComplaint } from '../commands.js';
import type { RoundEvent } from '../events.js';
import type { RoundState } from '../state.js';
import { notBefore, proposed, requirePosted, requireUndecided } from './guards.js';

/**
 * Records a complaint about a household's posted result, from the first day of the posting. One open
 * complaint per household; once resolved, another may come.
 */
export function receiveComplaint(command: ReceiveRoundComplaint, state: RoundState): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  const posting = requirePosted(round);
  const h = proposed(round, command.householdId);
  notBefore('complaint', command.receivedOn, posting.from);
  if (h.complaint && !h.complaint.resolved) {
    throw domainError(
      'ROUND_COMPLAINT_OPEN',
      `household ${command.householdId} has a complaint received on ${h.complaint.receivedOn} still open`,
      { householdId: command.householdId, receivedOn: h.complaint.receivedOn },
    );
  }
  return [
    {
      type: 'RoundComplaintReceived',
      data: { householdId: command.householdId, receivedOn: command.receivedOn, summary: command.summary },
    },
  ];
}

/** Resolves a household's open complaint; upheld, the household's result becomes the one given. */
export function resolveComplaint(command: ResolveRoundComplaint, state: RoundState, ctx: DecideContext): RoundEvent[] {
  const round = requireUndecided(state, command.roundId);
  requirePosted(round);
  const h = proposed(round, command.householdId);
  const open = h.complaint && !h.complaint.resolved ? h.complaint : undefined;
  if (!open) {
    throw domainError('ROUND_NO_OPEN_COMPLAINT', `household ${command.householdId} has no open complaint`, {
      householdId: command.householdId,
    });
  }
  notBefore('complaint_resolution', command.resolvedOn, open.receivedOn);
  const changed =
    command.outcome === 'upheld' && command.result
      ? {
          result: command.result,
          changedTo: classified(classifyRoundResult(command.result, round, h.area, command.resolvedOn, ctx)),
        }
      : {};
  return [
    {
      type: 'RoundComplaintResolved',
      data: {
        householdId: command.householdId,
        resolvedOn: command.resolvedOn,
        outcome: command.outcome,
        ...changed,
        ...(command.document !== undefined ? { document: command.document } : {}),
      },
    },
  ];
}
