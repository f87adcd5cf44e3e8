import type { DecideContext } from '../../household/decide/context.js';
import { checkUnitValidOn } from '../../household/decide/guards.js';
import { domainError } from '../../shared/error-codes.js';
import { listYearFor } from '../../standards/list-year-rule.js';
import { standardForListYear } from '../../standards/standards.js';
import type { OpenReviewRound } from '../commands.js';
import type { RoundEvent } from '../events.js';
import type { RoundState } from '../state.js';
import { periodicRoundId } from '../values.js';

/** The campaign window of a kind of round for a list year, if its list-year rule sets one. */
export function campaignWindow(
  command: Pick<OpenReviewRound, 'kind' | 'listYear' | 'openedOn'>,
  ctx: DecideContext,
): { from: string; to: string } | undefined {
  const campaign = ctx.rules.on(command.openedOn).listYearRules[command.kind].campaign;
  if (!campaign) return undefined;
  const year = command.listYear - campaign.listYearOffset;
  return { from: `${year}-${campaign.from}`, to: `${year}-${campaign.to}` };
}

/**
 * Opens a round for a commune valid on the opening date. A periodic round's id is its commune and list
 * year's (one per commune and year: the store refuses a second stream of the same id). It opens within
 * its campaign window (1 September – 14 December of the year before its lists, as the list-year rule
 * says), or outside it with a reason (the gateway lets only supervisors give one). The list year must
 * be one the kind of review may decide from the opening date, and have a standard.
 */
export function openRound(command: OpenReviewRound, state: RoundState, ctx: DecideContext): RoundEvent[] {
  if (state.status !== 'none') {
    throw domainError('ROUND_ALREADY_OPEN', `round ${state.roundId} was opened on ${state.openedOn}`, {
      roundId: state.roundId,
      openedOn: state.openedOn,
    });
  }
  const expected = command.kind === 'periodic' ? periodicRoundId(command.unitCode, command.listYear) : undefined;
  const idFits = expected ? command.roundId === expected : command.roundId.startsWith('regular-');
  if (!idFits) {
    throw domainError('ROUND_ID_MISMATCH', `a ${command.kind} round cannot have the id ${command.roundId}`, {
      roundId: command.roundId,
      ...(expected ? { expectedRoundId: expected } : {}),
    });
  }
  checkUnitValidOn(command.unitCode, command.openedOn, ctx.units);
  const rules = ctx.rules.on(command.openedOn);
  listYearFor(command.kind, command.openedOn, command.listYear, rules.listYearRules);
  standardForListYear(command.listYear, rules.standards);
  const window = campaignWindow(command, ctx);
  const outside = window !== undefined && (command.openedOn < window.from || command.openedOn > window.to);
  if (outside && command.windowOverrideReason === undefined) {
    throw domainError(
      'ROUND_OUTSIDE_WINDOW',
      `a ${command.kind} round for the lists of ${command.listYear} runs from ${window.from} to ${window.to}: opening it on ${command.openedOn} needs a supervisor's reason`,
      { openedOn: command.openedOn, from: window.from, to: window.to, listYear: command.listYear },
    );
  }
  return [
    {
      type: 'ReviewRoundOpened',
      data: {
        roundId: command.roundId,
        kind: command.kind,
        unitCode: command.unitCode,
        listYear: command.listYear,
        openedOn: command.openedOn,
        ...(command.document !== undefined ? { document: command.document } : {}),
        // A reason is kept only where it was needed: inside the window there is nothing to override.
        ...(outside && command.windowOverrideReason !== undefined
          ? { windowOverrideReason: command.windowOverrideReason }
          : {}),
      },
    },
  ];
}
