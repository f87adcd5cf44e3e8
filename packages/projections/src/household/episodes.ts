import { yearOf } from '@benvung/domain';
import type { NewRelapseEpisodes } from '../tables/relapse-episodes.js';
import type { HouseholdFold, SupportFact } from './fold.js';
import { placeOn, type UnitLookup } from './geography.js';

/** Kinds of the supports dated from `from` to `to` (both inclusive): distinct, sorted, '+'-joined, or 'none'. */
export function supportKindsBetween(supports: readonly SupportFact[], from: string, to: string): string {
  const kinds = new Set<string>();
  for (const s of supports) if (s.on >= from && s.on <= to) kinds.add(s.kind);
  return kinds.size === 0 ? 'none' : [...kinds].sort().join('+');
}

/**
 * The relapse episodes of a household: one per escape that still counts. The support window starts at
 * the review just before the escaping one — the review that had the household poor (or, for an escape
 * from near-poverty, near-poor): its last listed classification before the escape.
 */
export function episodes(householdId: string, fold: HouseholdFold, units: UnitLookup): NewRelapseEpisodes[] {
  const h = fold.state;
  if (h.status === 'unregistered') return [];
  const out: NewRelapseEpisodes[] = [];
  for (const esc of h.escapes) {
    const index = h.reviews.findIndex((r) => r.eventId === esc.eventId);
    const place = placeOn(fold.places, esc.on);
    if (!esc.eventId || index < 0 || !place) continue;
    const later = h.reviews.slice(index + 1);
    const windowStart = h.reviews[index - 1]?.effectiveDate ?? esc.on;
    out.push({
      household_id: householdId,
      escape_event_id: esc.eventId,
      escape_date: esc.on,
      escape_from: esc.from,
      escape_to: esc.to,
      relapse_poor_date: later.find((r) => r.classification === 'poor')?.effectiveDate ?? null,
      relapse_listed_date: later.find((r) => r.classification !== 'non_poor')?.effectiveDate ?? null,
      closed_date: h.status === 'closed' ? h.closedOn : null,
      support_kinds: supportKindsBetween(fold.supports, windowStart, esc.on),
      area: place.area,
      unit_code: place.unitCode,
      province_then: units.provinceOn(place.unitCode, esc.on),
      province_now: units.provinceNow(place.unitCode, place.on),
      unit_code_now: units.unitNow(place.unitCode, place.on),
      cohort: yearOf(esc.on),
      head_ethnicity: h.headEthnicity ?? null,
    });
  }
  return out;
}
