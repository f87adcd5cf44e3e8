import type { DecideContext } from '../household/decide/context.js';
import type { Area } from '../household/values.js';
import { type ClassificationResult, classifyHousehold } from '../standards/classify.js';
import type { ResultClassification, RoundKind, StoredSurveyResult } from './values.js';

/**
 * Classifies a round's result as the household decider will when the decision applies it: the
 * standard of the round's list year, with the rules in force on `on` (a survey's, a meeting's or the
 * decision's date). Classifying at each step checks the indicators and figures when they are entered,
 * and lets the round show where each household is heading; only the decision's classification counts.
 */
export function classifyRoundResult(
  result: StoredSurveyResult,
  round: { kind: RoundKind; listYear: number },
  area: Area,
  on: string,
  ctx: DecideContext,
): ClassificationResult {
  const rules = ctx.rules.on(on);
  return classifyHousehold(
    {
      effectiveDate: on,
      reviewType: round.kind,
      listYear: round.listYear,
      area,
      incomePerCapitaVnd: result.incomePerCapitaVnd,
      formScores: result.formScores,
      deprivations: result.deprivations,
    },
    { standards: rules.standards, listYearRules: rules.listYearRules },
  );
}

/** The part of a classification a round records. */
export const classified = (c: ClassificationResult): ResultClassification => ({
  classification: c.classification,
  standardId: c.standardId,
  averageLivingBand: c.averageLivingBand,
});
