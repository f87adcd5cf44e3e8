import { domainError } from '../../shared/error-codes.js';
import { classifyHousehold } from '../../standards/classify.js';
import type { AssessHousehold } from '../commands.js';
import type { HouseholdEvent } from '../events.js';
import type { HouseholdState } from '../state.js';
import { deriveTransition } from '../transitions.js';
import type { DecideContext } from './context.js';
import { requireActive } from './guards.js';

/**
 * Records a review: classifies it under the standard its list year selects and states the
 * transition, so the caller can answer the classification, standard id and transition at once.
 */
export function assess(command: AssessHousehold, state: HouseholdState, ctx: DecideContext): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  const a = command.assessment;
  const previous = household.lastReview;
  if (previous && a.effectiveDate < previous.effectiveDate) {
    throw domainError(
      'REVIEW_BEFORE_PREVIOUS',
      `a review effective ${a.effectiveDate} cannot follow the review effective ${previous.effectiveDate}`,
      { effectiveDate: a.effectiveDate, previousEffectiveDate: previous.effectiveDate },
    );
  }
  const result = classifyHousehold(
    {
      effectiveDate: a.effectiveDate,
      reviewType: a.reviewType,
      listYear: a.listYear,
      area: household.area,
      incomePerCapitaVnd: a.incomePerCapitaVnd,
      deprivations: a.deprivations,
    },
    ctx.standards,
  );
  return [
    {
      type: 'HouseholdAssessed',
      data: {
        reviewType: a.reviewType,
        effectiveDate: a.effectiveDate,
        listYear: result.listYear,
        incomePerCapitaVnd: a.incomePerCapitaVnd,
        deprivations: [...a.deprivations],
        ...(a.decisionNo !== undefined ? { decisionNo: a.decisionNo } : {}),
        ...(a.approvedBy !== undefined ? { approvedBy: a.approvedBy } : {}),
        area: household.area,
        standardId: result.standardId,
        classification: result.classification,
        averageLivingBand: result.averageLivingBand,
        previousClassification: household.classification,
        transition: deriveTransition(household.classification, result.classification, household.escapes.length > 0),
        reasons: result.reasons,
      },
    },
  ];
}
