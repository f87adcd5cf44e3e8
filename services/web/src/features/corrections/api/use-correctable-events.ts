import { decodeHouseholdEnvelope, replay } from '@benvung/domain';
import { useMemo } from 'react';
import { useHistory } from '../../households/api/get-history';
import { isAmendable } from '../amendment';

/** An event of the household's history that a supervisor may void or amend, as it counts now. */
export interface CorrectableEvent {
  eventId: string;
  version: number;
  type: string;
  /** Its data as it counts now (an amended event's latest replacement), personal fields included. */
  data: Record<string, unknown>;
  /** Its business date. */
  date: string | undefined;
  amended: boolean;
  amendable: boolean;
}

/** Never corrected: the registration, and the corrections themselves. */
const NOT_CORRECTABLE = new Set(['HouseholdRegistered', 'EventVoided', 'EventAmended']);

/**
 * The household's events that still count, newest first, replayed by the domain (voids and
 * amendments applied). A closed household offers only its closure (voiding it reopens the case).
 */
export function useCorrectableEvents(householdId: string) {
  const history = useHistory(householdId);
  const result = useMemo((): { events: CorrectableEvent[]; closed: boolean; unreadable?: boolean } | undefined => {
    if (!history.data) return undefined;
    let state: ReturnType<typeof replay>;
    try {
      state = replay(history.data.events.map(decodeHouseholdEnvelope));
    } catch {
      return { events: [], closed: false, unreadable: true };
    }
    if (state.status === 'unregistered') return { events: [], closed: false };
    const closed = state.status === 'closed';
    const events: CorrectableEvent[] = state.log
      .filter((e) => e.eventId && !e.voided && !NOT_CORRECTABLE.has(e.type))
      .filter((e) => !closed || e.type === 'HouseholdClosed')
      .map((e) => {
        const data = e.event.data as Record<string, unknown>;
        const date = (data.occurredOn ?? data.effectiveDate) as string | undefined;
        return {
          eventId: e.eventId as string,
          version: e.version,
          type: e.type,
          data,
          date,
          amended: e.amended,
          amendable: !closed && isAmendable(e.type),
        };
      })
      .reverse();
    return { events, closed };
  }, [history.data]);
  return {
    events: result?.events,
    closed: result?.closed ?? false,
    isPending: history.isPending,
    isError: history.isError || result?.unreadable === true,
    /** Set when the history has more events than the page read. */
    shown: history.data?.nextFromVersion !== undefined ? history.data.events.length : undefined,
  };
}
