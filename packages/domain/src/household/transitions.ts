import { addMonths } from '../shared/dates.js';
import { assertNever } from '../shared/exhaustive.js';
import type { Transition } from './events/assessment.js';
import type { EscapeRecord, RegisteredHousehold } from './state.js';
import type { Classification, ListClassification } from './values.js';

/** A household is "newly escaped" (hộ mới thoát nghèo) for this many months after an escape. */
export const NEWLY_ESCAPED_MONTHS = 36;

/**
 * The transition a review makes, from the classification before it, the one it decides, and whether
 * the household escaped at some earlier review. See `Transition` for the meaning of each value.
 */
export function deriveTransition(
  previous: Classification,
  next: ListClassification,
  hasEarlierEscape: boolean,
): Transition {
  if (previous === 'unassessed') return `classified_${next}`;
  if (previous === next) return 'no_change';
  switch (previous) {
    case 'poor':
      return 'escaped_poverty';
    case 'near_poor':
      if (next === 'non_poor') return 'escaped_near_poverty';
      return hasEarlierEscape ? 'relapsed' : 'became_poor';
    case 'non_poor':
      if (next === 'poor') return hasEarlierEscape ? 'relapsed' : 'newly_poor';
      return hasEarlierEscape ? 'relapsed_near_poverty' : 'newly_near_poor';
    default:
      return assertNever(previous, 'classification');
  }
}

/** The escape a review makes, if it is one: off the poor list, or off the near-poor list. */
export function escapeOf(
  previous: Classification,
  next: ListClassification,
): { from: 'poor' | 'near_poor'; to: 'near_poor' | 'non_poor' } | undefined {
  if (previous === 'poor' && next !== 'poor') return { from: 'poor', to: next };
  if (previous === 'near_poor' && next === 'non_poor') return { from: 'near_poor', to: 'non_poor' };
  return undefined;
}

/** The relapse a transition records, if any. */
export function relapseOf(transition: Transition): 'poor' | 'near_poor' | undefined {
  if (transition === 'relapsed') return 'poor';
  if (transition === 'relapsed_near_poverty') return 'near_poor';
  return undefined;
}

/** The first day a household escaped on `on` is no longer newly escaped. */
export const newlyEscapedUntil = (on: string): string => addMonths(on, NEWLY_ESCAPED_MONTHS);

/**
 * The escape that makes the household newly escaped on `date`: its latest escape on or before the
 * date, less than 36 months before it, with no relapse since. Undefined when not newly escaped.
 */
export function newlyEscapedOn(household: RegisteredHousehold, date: string): EscapeRecord | undefined {
  const last = household.escapes.findLast((e) => e.on <= date);
  if (!last || date >= last.newlyEscapedUntil) return undefined;
  const relapsedSince = household.relapses.some((r) => r.on > last.on && r.on <= date);
  return relapsedSince ? undefined : last;
}

/** The classification in force on a date: that of the latest counting review effective by then. */
export function classificationOn(household: RegisteredHousehold, date: string): Classification {
  return household.reviews.findLast((r) => r.effectiveDate <= date)?.classification ?? 'unassessed';
}
