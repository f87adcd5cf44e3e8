import { addMonths } from '../shared/dates.js';
import { assertNever } from '../shared/exhaustive.js';
import type { Transition } from './events/assessment.js';
import type { EscapeRecord, RegisteredHousehold, ReviewRecord } from './state.js';
import type { Classification, ListClassification, ReviewType } from './values.js';

/** A household is "newly escaped" (hộ mới thoát nghèo) for this many months after an escape. */
export const NEWLY_ESCAPED_MONTHS = 36;

/**
 * What the counting reviews before one say about the household's past on the lists: all that the
 * programme's words (phát sinh, tái nghèo, tái cận nghèo) depend on. Built by `listHistoryOf`.
 */
export interface ListHistory {
  /** Classified poor by an earlier review (a baseline included). Leaving poverty is always an escape. */
  everPoor: boolean;
  /** Escaped near-poverty (near-poor → non-poor) at an earlier review and not classified poor since. */
  nearPoorEscapeOpen: boolean;
}

/** A household with no review yet. */
export const NO_LIST_HISTORY: ListHistory = { everPoor: false, nearPoorEscapeOpen: false };

/** The list history after one more review. */
export function afterReview(history: ListHistory, previous: Classification, next: ListClassification): ListHistory {
  return {
    everPoor: history.everPoor || next === 'poor',
    nearPoorEscapeOpen:
      next === 'poor' ? false : history.nearPoorEscapeOpen || (previous === 'near_poor' && next === 'non_poor'),
  };
}

/**
 * The transition a review makes, from the classification before it, the one it decides, the review's
 * type and the household's list history before it (see `Transition` for each value):
 * - poor, never poor before: newly poor (phát sinh nghèo) — the first review included, from the
 *   near-poor list included; poor again after an escape from poverty: relapsed (tái nghèo);
 * - near-poor from non-poor: relapsed near-poverty (tái cận nghèo) after an escape from near-poverty
 *   with no poor classification since, else newly near-poor (phát sinh cận nghèo);
 * - off the poor list: escaped poverty (thoát nghèo); near-poor → non-poor: escaped near-poverty;
 * - a baseline (the first review, recording the list the household was on): `classified_*`, and so is
 *   a first review that finds the household non-poor (it joins no list).
 */
export function deriveTransition(
  previous: Classification,
  next: ListClassification,
  reviewType: ReviewType,
  history: ListHistory,
): Transition {
  if (previous === 'unassessed' && (reviewType === 'baseline' || next === 'non_poor')) return `classified_${next}`;
  if (previous === next) return 'no_change';
  switch (next) {
    case 'poor':
      return history.everPoor ? 'relapsed' : 'newly_poor';
    case 'near_poor':
      if (previous === 'poor') return 'escaped_poverty';
      return history.nearPoorEscapeOpen ? 'relapsed_near_poverty' : 'newly_near_poor';
    case 'non_poor':
      return previous === 'poor' ? 'escaped_poverty' : 'escaped_near_poverty';
    default:
      return assertNever(next, 'classification');
  }
}

/** The list history the reviews give, in order (counting reviews only). */
export function listHistoryOf(reviews: readonly Pick<ReviewRecord, 'classification'>[]): ListHistory {
  let history = NO_LIST_HISTORY;
  let previous: Classification = 'unassessed';
  for (const r of reviews) {
    history = afterReview(history, previous, r.classification);
    previous = r.classification;
  }
  return history;
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

/** The classification in force on a date: that of the latest counting review effective by then. */
export function classificationOn(household: RegisteredHousehold, date: string): Classification {
  return household.reviews.findLast((r) => r.effectiveDate <= date)?.classification ?? 'unassessed';
}

/**
 * The escape that makes the household newly escaped (hộ mới thoát nghèo, for VBSP loans) on `date`:
 * its latest escape to non-poor (from the poor or the near-poor list) on or before the date, less than
 * 36 months before it, and the household still non-poor on the date. Poor → near-poor is no such
 * escape: that household is near-poor. Undefined when not newly escaped.
 */
export function newlyEscapedOn(household: RegisteredHousehold, date: string): EscapeRecord | undefined {
  const last = household.escapes.findLast((e) => e.to === 'non_poor' && e.on <= date);
  if (!last || date >= last.newlyEscapedUntil) return undefined;
  return classificationOn(household, date) === 'non_poor' ? last : undefined;
}

/**
 * The end (first day after) of the household's current newly-escaped window, whatever today is: its
 * latest escape to non-poor, while it is non-poor (a household can only be back to non-poor by a later
 * escape, so that escape is then the latest). Null when it is listed or never escaped to non-poor.
 */
export function currentNewlyEscapedUntil(household: RegisteredHousehold): string | null {
  const last = household.escapes.findLast((e) => e.to === 'non_poor');
  return last && household.classification === 'non_poor' ? last.newlyEscapedUntil : null;
}
