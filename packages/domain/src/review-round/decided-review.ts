import type { AssessHousehold } from '../household/commands.js';
import type { DecidedResult } from './events.js';
import type { OpenRound } from './state.js';

/**
 * The review a round's decision records for one household: the round's kind and list year, effective
 * on the decision's date, with its number and signer, and the household's final result. The household
 * decider then classifies it on the household's own state, like any review, and names the round.
 */
export function reviewOfDecision(round: OpenRound, result: DecidedResult): AssessHousehold | undefined {
  const decision = round.decision;
  if (!decision) return undefined;
  const { incomePerCapitaVnd, formScores, deprivations } = result.result;
  return {
    type: 'AssessHousehold',
    householdId: result.householdId,
    roundId: round.roundId,
    assessment: {
      reviewType: round.kind,
      effectiveDate: decision.issuedOn,
      listYear: round.listYear,
      ...(incomePerCapitaVnd !== undefined ? { incomePerCapitaVnd } : {}),
      ...(formScores !== undefined
        ? {
            formScores: {
              incomeProxyPoints: formScores.incomeProxyPoints,
              ...(formScores.deprivationPoints !== undefined
                ? { deprivationPoints: formScores.deprivationPoints }
                : {}),
            },
          }
        : {}),
      deprivations: [...deprivations],
      decisionNo: decision.decisionNo,
      approvedBy: decision.signer,
    },
  };
}
