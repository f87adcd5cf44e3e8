import {
  decodeRoundEvent,
  evolveRound,
  initialRoundState,
  type ReviewRoundOpened,
  type RoundKind,
  type RoundStage,
  roundStage,
  roundStreamId,
} from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';

export interface RoundFilter {
  /** Whether the caller may see a round of this commune. */
  visible: (unitCode: string) => boolean;
  unitCode?: (unitCode: string) => boolean;
  listYear?: number;
  kind?: RoundKind;
}

export interface RoundSummary {
  roundId: string;
  kind: RoundKind;
  unitCode: string;
  listYear: number;
  openedOn: string;
  stage: RoundStage;
  version: number;
  households: number;
}

/**
 * The rounds the caller may see, newest list year first. Rounds are found by their opening events
 * through the store's index on event type, so a listing reads one small event per round ever opened
 * (a few per commune and year) and then the streams of the rounds it answers; a read model would take
 * over if that ever grew too slow.
 */
export async function listRounds(store: EventStore, filter: RoundFilter, limit: number): Promise<RoundSummary[]> {
  const opened: ReviewRoundOpened['data'][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({
      ...(after ? { after } : {}),
      maxCount: 1000,
      eventTypes: ['ReviewRoundOpened'],
    });
    for (const recorded of page.events) {
      const event = decodeRoundEvent(recorded);
      if (event.type !== 'ReviewRoundOpened') continue;
      const d = event.data;
      if (!filter.visible(d.unitCode)) continue;
      if (filter.unitCode && !filter.unitCode(d.unitCode)) continue;
      if (filter.listYear !== undefined && d.listYear !== filter.listYear) continue;
      if (filter.kind !== undefined && d.kind !== filter.kind) continue;
      opened.push(d);
    }
    after = page.position ?? after;
    if (page.endOfLog || page.events.length === 0) break;
  }
  opened.sort(
    (a, b) => b.listYear - a.listYear || b.openedOn.localeCompare(a.openedOn) || a.roundId.localeCompare(b.roundId),
  );
  const chosen = opened.slice(0, limit);
  const streams = await store.readStreams(chosen.map((d) => ({ streamId: roundStreamId(d.roundId) })));
  return chosen.map((d) => {
    let state = initialRoundState();
    const recorded = streams.get(roundStreamId(d.roundId)) ?? [];
    for (const r of recorded) state = evolveRound(state, decodeRoundEvent({ ...r, personal: null }));
    return {
      roundId: d.roundId,
      kind: d.kind,
      unitCode: d.unitCode,
      listYear: d.listYear,
      openedOn: d.openedOn,
      stage: state.status === 'open' ? roundStage(state) : 'surveying',
      version: recorded.at(-1)?.version ?? 0,
      households: state.status === 'open' ? Object.keys(state.households).length : 0,
    };
  });
}
