import { assertNever } from '../shared/exhaustive.js';
import type { RoundEvent } from './events.js';
import { initialRoundState, type OpenRound, type RoundHousehold, type RoundState } from './state.js';

function withHousehold(
  round: OpenRound,
  householdId: string,
  change: (h: RoundHousehold) => RoundHousehold,
): OpenRound['households'] {
  const h = round.households[householdId];
  return h ? { ...round.households, [householdId]: change(h) } : round.households;
}

/** Applies one of the round's events. Never throws for a valid event: history is what it is. */
export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  if (state.status === 'none') {
    if (event.type !== 'ReviewRoundOpened') return state;
    const d = event.data;
    return {
      status: 'open',
      roundId: d.roundId,
      kind: d.kind,
      unitCode: d.unitCode,
      listYear: d.listYear,
      openedOn: d.openedOn,
      document: d.document,
      windowOverrideReason: d.windowOverrideReason,
      households: {},
      meetings: [],
      version: 1,
    };
  }
  const round: OpenRound = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ReviewRoundOpened':
      return round;
    case 'RoundReviewProposed': {
      const d = event.data;
      return {
        ...round,
        households: {
          ...round.households,
          [d.householdId]: {
            householdId: d.householdId,
            village: d.village,
            area: d.area,
            applied: d.applied,
            surveyedOn: d.surveyedOn,
            proposal: d.result,
            proposed: d.proposed,
          },
        },
      };
    }
    case 'RoundVillageMeetingHeld': {
      const d = event.data;
      let households = round.households;
      for (const o of d.outcomes) {
        const h = households[o.householdId];
        if (!h) continue;
        households = {
          ...households,
          [o.householdId]: {
            ...h,
            meeting: {
              heldOn: d.heldOn,
              outcome: o.outcome,
              ...(o.result ? { result: o.result } : {}),
              ...(o.changedTo ? { changedTo: o.changedTo } : {}),
            },
          },
        };
      }
      const meeting = { village: d.village, heldOn: d.heldOn, document: d.document, households: d.outcomes.length };
      return { ...round, households, meetings: [...round.meetings, meeting] };
    }
    case 'RoundListsPosted':
      return { ...round, posting: { ...event.data } };
    case 'RoundComplaintReceived':
      return {
        ...round,
        households: withHousehold(round, event.data.householdId, (h) => ({
          ...h,
          complaint: { receivedOn: event.data.receivedOn },
        })),
      };
    case 'RoundComplaintResolved': {
      const { householdId, resolvedOn, outcome, result, changedTo } = event.data;
      return {
        ...round,
        households: withHousehold(round, householdId, (h) =>
          h.complaint
            ? {
                ...h,
                complaint: {
                  ...h.complaint,
                  resolved: { resolvedOn, outcome, ...(result ? { result } : {}), ...(changedTo ? { changedTo } : {}) },
                },
              }
            : h,
        ),
      };
    }
    case 'RoundDecisionIssued':
      return { ...round, decision: { ...event.data } };
    case 'RoundDecisionApplied':
      return { ...round, applied: { households: event.data.households } };
    default:
      return assertNever(event, 'round event');
  }
}

/** Folds a round's history into its state. */
export function replayRound(events: Iterable<RoundEvent>): RoundState {
  let state = initialRoundState();
  for (const e of events) state = evolveRound(state, e);
  return state;
}
