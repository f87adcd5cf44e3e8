import {
  currentNewlyEscapedUntil,
  decodeHouseholdEnvelope,
  evolve,
  householdStreamId,
  initialState,
} from '@benvung/domain';
import { type EventStore, type RecordedEvent, StreamNotFoundError } from '@benvung/event-store';
import type { HouseholdStatusView } from '../persistence/household-status-reader.js';

/** The head's name from the registration's personal part; null once erased. */
function headNameOf(registration: RecordedEvent | undefined): string | null {
  const head = registration?.personal?.head;
  if (typeof head !== 'object' || head === null || !('fullName' in head)) return null;
  return typeof head.fullName === 'string' ? head.fullName : null;
}

/**
 * A household as the list shows it, folded from its stream with the write side's `evolve` — for when
 * the read model has not applied its registration (or the event a reader waits for) yet. The same
 * facts the household projection writes (status-row.ts), so both answers look alike; undefined when
 * the household was never registered.
 */
export async function householdFromStream(
  store: EventStore,
  householdId: string,
): Promise<HouseholdStatusView | undefined> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(householdStreamId(householdId));
  } catch (err) {
    if (err instanceof StreamNotFoundError) return undefined;
    throw err;
  }
  let state = initialState();
  // Personal fields are read from the registration only: the fold never needs them.
  for (const r of events) state = evolve(state, decodeHouseholdEnvelope({ ...r, personal: null }));
  const last = events.at(-1);
  if (state.status === 'unregistered' || !last) return undefined;
  return {
    household_id: householdId,
    household_code: state.householdCode ?? null,
    unit_code: state.unitCode,
    area: state.area,
    village: state.village ?? null,
    member_count: state.memberCount,
    head_name: headNameOf(events.find((e) => e.type === 'HouseholdRegistered')),
    classification: state.classification,
    registered_on: state.registeredOn,
    version: last.version,
    updated_at: last.recordedAt,
    status: state.status,
    unable_to_escape: state.unableToEscape !== null,
    newly_escaped_until: currentNewlyEscapedUntil(state),
    relapsed_count: state.relapses.filter((r) => r.into === 'poor').length,
    relapsed_near_poverty_count: state.relapses.filter((r) => r.into === 'near_poor').length,
  };
}
