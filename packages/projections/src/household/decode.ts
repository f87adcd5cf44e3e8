import { decodeHouseholdEvent, type HouseholdAssessed, type HouseholdEvent } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';

/** What the fold needs of a review; the rest (reasons, deprivation codes, decision) stays in the store. */
function compactReview(event: HouseholdAssessed): HouseholdAssessed {
  const { decisionNo: _decision, approvedBy: _approver, ...data } = event.data;
  return { type: 'HouseholdAssessed', data: { ...data, deprivations: [], reasons: [] } };
}

function compact(event: HouseholdEvent): HouseholdEvent {
  if (event.type === 'HouseholdAssessed') return compactReview(event);
  if (event.type === 'EventAmended' && event.data.replacement.type === 'HouseholdAssessed') {
    return { ...event, data: { ...event.data, replacement: compactReview(event.data.replacement) } };
  }
  return event;
}

/**
 * The event as the fold keeps it: decoded as if its personal part were erased (names, note texts and
 * flag reasons read as the erasure placeholder), so nothing personal is kept in the projection's
 * memory, and without a review's bulky fields the fold never reads.
 */
export function decodeForFold(recorded: RecordedEvent): HouseholdEvent {
  return compact(decodeHouseholdEvent({ type: recorded.type, data: recorded.data, personal: null }));
}

/** The head's name from a registration's personal part; null when erased or absent. */
export function headNameOf(recorded: RecordedEvent): string | null {
  const head = recorded.personal?.head;
  if (typeof head !== 'object' || head === null || !('fullName' in head)) return null;
  return typeof head.fullName === 'string' ? head.fullName : null;
}

/** A household's id from its stream id (`household-<uuid>`). */
export const householdIdOf = (streamId: string): string => streamId.slice('household-'.length);
