import { currentNewlyEscapedUntil } from '@benvung/domain';
import { nameSearchKey } from '../household-status/search-keys.js';
import type { NewHouseholdStatus, SupportTotal } from '../tables/household-status.js';
import type { HouseholdFold, SupportFact } from './fold.js';
import type { UnitLookup } from './geography.js';

/**
 * Count and value of the supports that still count, by kind, for the kinds the household received:
 * absent kinds keep the stored JSON small (it is rewritten with every batch touching the household).
 */
export function supportTotals(supports: readonly SupportFact[]): Record<string, SupportTotal> {
  const totals = new Map<string, SupportTotal>();
  for (const s of supports) {
    const total = totals.get(s.kind);
    if (total) {
      total.count++;
      total.amountVnd += s.amountVnd;
    } else {
      totals.set(s.kind, { count: 1, amountVnd: s.amountVnd });
    }
  }
  return Object.fromEntries(totals);
}

/** What the last event applied says about the row (its position and store time). */
export interface RowStamp {
  position: string;
  recordedAt: Date;
  /** The head's name, known only when the batch holds the registration. */
  headName: string | null;
}

/** The household_status row of a registered household's fold. */
export function statusRow(
  householdId: string,
  fold: HouseholdFold,
  stamp: RowStamp,
  units: UnitLookup,
): NewHouseholdStatus | undefined {
  const h = fold.state;
  if (h.status === 'unregistered') return undefined;
  const review = h.lastReview;
  return {
    household_id: householdId,
    household_code: h.householdCode ?? null,
    unit_code: h.unitCode,
    unit_code_now: units.unitNow(h.unitCode, fold.places[fold.places.length - 1]?.on ?? h.registeredOn),
    area: h.area,
    village: h.village ?? null,
    member_count: h.memberCount,
    head_name: stamp.headName,
    head_name_search: stamp.headName === null ? null : nameSearchKey(stamp.headName),
    classification: h.classification,
    standard_id: review?.standardId ?? null,
    list_year: review?.listYear ?? null,
    last_review_date: review?.effectiveDate ?? null,
    last_review_type: review?.reviewType ?? null,
    latest_escape_date: h.escapes[h.escapes.length - 1]?.on ?? null,
    newly_escaped_until: currentNewlyEscapedUntil(h),
    escape_count: h.escapes.length,
    relapsed_count: h.relapses.filter((r) => r.into === 'poor').length,
    relapsed_near_poverty_count: h.relapses.filter((r) => r.into === 'near_poor').length,
    unable_to_escape: h.unableToEscape !== null,
    unable_to_escape_basis: h.unableToEscape?.basis ?? null,
    unable_to_escape_since: h.unableToEscape?.since ?? null,
    support_totals: supportTotals(fold.supports),
    status: h.status,
    closed_on: h.status === 'closed' ? h.closedOn : null,
    close_reason: h.status === 'closed' ? h.closeReason : null,
    registered_on: h.registeredOn,
    version: h.version,
    last_position: stamp.position,
    updated_at: stamp.recordedAt,
  };
}
