import { domainError } from '../../shared/error-codes.js';
import { assertNever } from '../../shared/exhaustive.js';
import { classifyHousehold } from '../../standards/classify.js';
import type { AssessHousehold } from '../commands.js';
import type { HouseholdEvent } from '../events.js';
import type { ActiveHousehold, HouseholdState } from '../state.js';
import { deriveTransition, escapeOf } from '../transitions.js';
import type { DecideContext } from './context.js';
import { requireActive } from './guards.js';

/**
 * Records a review: classifies it under the standard its list year selects and states the
 * transition, so the caller can answer the classification, standard id and transition at once.
 * A review that takes a flagged household off its list also clears the unable-to-escape flag, as a
 * recorded consequence. A baseline must be the household's first review.
 */
export function assess(command: AssessHousehold, state: HouseholdState, ctx: DecideContext): HouseholdEvent[] {
  const household = requireActive(state, command.householdId);
  const a = command.assessment;
  const previous = household.lastReview;
  if (a.reviewType === 'baseline' && previous) {
    throw domainError(
      'BASELINE_NOT_FIRST',
      `a baseline records the list a household was on when follow-up began: this household was already reviewed on ${previous.effectiveDate}`,
      { previousEffectiveDate: previous.effectiveDate },
    );
  }
  if (previous && a.effectiveDate < previous.effectiveDate) {
    throw domainError(
      'REVIEW_BEFORE_PREVIOUS',
      `a review effective ${a.effectiveDate} cannot follow the review effective ${previous.effectiveDate}`,
      { effectiveDate: a.effectiveDate, previousEffectiveDate: previous.effectiveDate },
    );
  }
  // The rules in force on the review's effective date: a version loaded later never changes it.
  const rules = ctx.rules.on(a.effectiveDate);
  const result = classifyHousehold(
    {
      effectiveDate: a.effectiveDate,
      reviewType: a.reviewType,
      listYear: a.listYear,
      area: household.area,
      incomePerCapitaVnd: a.incomePerCapitaVnd,
      formScores: a.formScores,
      deprivations: a.deprivations,
      listedAs: a.listedAs,
    },
    { standards: rules.standards, listYearRules: rules.listYearRules },
  );
  result.reasons.splice(1, 0, areaReason(household));
  const transition = deriveTransition(
    household.classification,
    result.classification,
    a.reviewType,
    household.listHistory,
  );
  const assessed: HouseholdEvent = {
    type: 'HouseholdAssessed',
    data: {
      reviewType: a.reviewType,
      effectiveDate: a.effectiveDate,
      listYear: result.listYear,
      ...(a.incomePerCapitaVnd !== undefined ? { incomePerCapitaVnd: a.incomePerCapitaVnd } : {}),
      ...(result.formScores !== undefined ? { formScores: result.formScores } : {}),
      ...(a.listedAs !== undefined ? { listedAs: a.listedAs } : {}),
      deprivations: [...a.deprivations],
      ...(a.decisionNo !== undefined ? { decisionNo: a.decisionNo } : {}),
      ...(a.approvedBy !== undefined ? { approvedBy: a.approvedBy } : {}),
      ...(command.roundId !== undefined ? { roundId: command.roundId } : {}),
      area: household.area,
      ...(household.areaSource !== undefined ? { areaSource: household.areaSource } : {}),
      standardId: result.standardId,
      ...(result.standardVersion !== undefined ? { standardVersion: result.standardVersion } : {}),
      classification: result.classification,
      averageLivingBand: result.averageLivingBand,
      previousClassification: household.classification,
      transition,
      reasons: result.reasons,
      ...(result.unverified.length > 0 ? { unverified: result.unverified } : {}),
    },
  };
  const escaped = escapeOf(household.classification, result.classification);
  if (!escaped || !household.unableToEscape) return [assessed];
  return [assessed, flagClearedByEscape(escaped.from, a.effectiveDate)];
}

/** Which area the lines were read for, and why: every classification states it. */
function areaReason(h: ActiveHousehold): string {
  switch (h.areaSource) {
    case 'unit_kind':
      return `${h.area} lines: the area of commune ${h.unitCode}'s kind`;
    case 'override':
      return `${h.area} lines: area overridden (${h.areaOverrideReason ?? 'no reason recorded'})`;
    case 'stated':
      return `${h.area} lines: area stated for commune ${h.unitCode}, whose kind sets none`;
    case undefined:
      return `${h.area} lines: area as recorded`;
    default:
      return assertNever(h.areaSource, 'area source');
  }
}

/** The consequence of an escape for a flagged household: it was able to escape after all. */
export function flagClearedByEscape(from: 'poor' | 'near_poor', on: string): HouseholdEvent {
  const list = from === 'poor' ? 'poor' : 'near-poor';
  return {
    type: 'UnableToEscapeFlagCleared',
    data: { reason: `escaped from the ${list} list at the review effective ${on}`, occurredOn: on, cause: 'escape' },
  };
}
