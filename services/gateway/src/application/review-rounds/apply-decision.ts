import {
  type DecideContext,
  type DecidedResult,
  DomainError,
  decide,
  encodeHouseholdEvent,
  type HouseholdState,
  householdStreamId,
  type OpenRound,
  reviewOfDecision,
} from '@benvung/domain';
import { ConcurrencyError, type EventStore, type RecordedEvent } from '@benvung/event-store';
import { v5 as uuidv5 } from 'uuid';
import { loadHousehold } from '../household-commands.js';
import type { HouseholdStateCache } from '../household-state-cache.js';
import type { KeyedMutex } from '../keyed-mutex.js';

/*
 * A decision is recorded in the round's stream, then applied to each household's own stream as a
 * review. The store appends to one stream at a time (its expected-version check and hash chain are
 * per stream), so this cannot be one transaction over every household; it is made safe instead:
 * - the decision, recorded first and atomically, fixes every household's result: applying it is a
 *   function of the decision alone;
 * - each household's events have ids derived from the round and the household, and metadata copied
 *   from the decision's event, so an application repeated after a crash produces the very same events;
 *   a household whose stream already holds them is skipped, and a concurrent completer's identical
 *   append is accepted by the store as a replay, never written twice;
 * - until every household has its review the round shows what is left, and the next read of the round
 *   or a repeated decision request completes it; the round then records that it is applied.
 */

/** Namespace of the ids of the reviews a round's decision records. */
const DECISION_EVENT_NAMESPACE = '6f3b0c58-2a1e-4d7f-9b64-8e5a1c2d3f40';

/** The id of the `index`-th event a decision records for a household (a review, and a flag it clears). */
export const decisionEventId = (roundId: string, householdId: string, index: number): string =>
  uuidv5(`${roundId}\n${householdId}\n${index}`, DECISION_EVENT_NAMESPACE);

/** The id of the round's own record that the decision is applied. */
export const appliedEventId = (roundId: string): string => uuidv5(`${roundId}\napplied`, DECISION_EVENT_NAMESPACE);

export interface ApplyContext {
  store: EventStore;
  decide: DecideContext;
  states: HouseholdStateCache;
  queue: KeyedMutex;
}

/** A household the decision could not be applied to, and why (a domain error code). */
export interface ApplyFailure {
  householdId: string;
  code: string;
  detail: string;
}

export interface ApplicationStatus {
  households: number;
  applied: number;
  failed: ApplyFailure[];
}

const isApplied = (state: HouseholdState, roundId: string, householdId: string): boolean =>
  state.status !== 'unregistered' && state.log.some((e) => e.eventId === decisionEventId(roundId, householdId, 0));

/**
 * Whether each household's review would be accepted now: the decision is refused before it is
 * recorded when one would not (closed since, a later review already recorded), so that a recorded
 * decision applies in full unless a household changes in the moments between.
 */
export async function checkApplicable(ctx: ApplyContext, round: OpenRound): Promise<ApplyFailure[]> {
  const failures: ApplyFailure[] = [];
  for (const result of round.decision?.results ?? []) {
    const command = reviewOfDecision(round, result);
    if (!command) continue;
    const { state } = await loadHousehold(ctx.store, result.householdId, ctx.states);
    try {
      decide(command, state, ctx.decide);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      failures.push({ householdId: result.householdId, code: err.code, detail: err.message });
    }
  }
  return failures;
}

async function applyOne(
  ctx: ApplyContext,
  round: OpenRound,
  result: DecidedResult,
  decisionEvent: RecordedEvent,
): Promise<ApplyFailure | undefined> {
  const command = reviewOfDecision(round, result);
  if (!command) return undefined;
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadHousehold(ctx.store, result.householdId, ctx.states);
    if (isApplied(state, round.roundId, result.householdId)) return undefined;
    let events: ReturnType<typeof decide>;
    try {
      events = decide(command, state, ctx.decide);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { householdId: result.householdId, code: err.code, detail: err.message };
    }
    try {
      await ctx.store.appendToStream(
        householdStreamId(result.householdId),
        events.map((event, index) => {
          const encoded = encodeHouseholdEvent(event);
          return {
            eventId: decisionEventId(round.roundId, result.householdId, index),
            type: encoded.type,
            schemaVersion: encoded.schemaVersion,
            data: encoded.data,
            personal: encoded.personal,
            occurredAt: decisionEvent.occurredAt,
            // Copied from the decision, never from the request completing it: a repeat is identical.
            metadata: {
              actorId: decisionEvent.metadata.actorId,
              actorRole: decisionEvent.metadata.actorRole,
              causationId: decisionEvent.eventId,
              roundId: round.roundId,
            },
          };
        }),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      return undefined;
    } catch (err) {
      // Another writer of the household came first: read it again (it may have been this very review).
      if (err instanceof ConcurrencyError && attempt < 10) continue;
      throw err;
    }
  }
}

/**
 * Applies the decision to every household that does not have its review yet, one household at a
 * time in the queue its own commands use. Answers how far the application got.
 */
export async function applyDecision(
  ctx: ApplyContext,
  round: OpenRound,
  recorded: readonly RecordedEvent[],
): Promise<ApplicationStatus> {
  const results = round.decision?.results ?? [];
  const decisionEvent = recorded.find((r) => r.type === 'RoundDecisionIssued');
  if (!decisionEvent || round.applied) return { households: results.length, applied: results.length, failed: [] };
  const failed: ApplyFailure[] = [];
  for (const result of results) {
    const failure = await ctx.queue.run(result.householdId, () => applyOne(ctx, round, result, decisionEvent));
    if (failure) failed.push(failure);
  }
  return { households: results.length, applied: results.length - failed.length, failed };
}
