import {
  type Actor,
  type DecideContext,
  DomainError,
  decideRound,
  decodeRoundEvent,
  encodeRoundEvent,
  evolveRound,
  initialRoundState,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
  roundStreamId,
} from '@benvung/domain';
import {
  ConcurrencyError,
  type EventStore,
  IdempotencyConflictError,
  type RecordedEvent,
  StreamNotFoundError,
} from '@benvung/event-store';

/** A round as stored: its state, version and recorded events (who recorded each step is in their metadata). */
export interface LoadedRound {
  state: RoundState;
  version: number;
  recorded: RecordedEvent[];
}

/** The round's stream folded into its state; an unknown round is `status: 'none'` at version 0. */
export async function loadRound(store: EventStore, roundId: string): Promise<LoadedRound> {
  let recorded: RecordedEvent[] = [];
  try {
    recorded = await store.readStream(roundStreamId(roundId));
  } catch (err) {
    if (!(err instanceof StreamNotFoundError)) throw err;
  }
  let state = initialRoundState();
  for (const r of recorded) state = evolveRound(state, decodeRoundEvent(r));
  return { state, version: recorded.at(-1)?.version ?? 0, recorded };
}

export interface RoundCommandContext {
  actor: Actor;
  correlationId: string;
  /** Business time of the step. */
  occurredAt: Date;
  /** From If-Match: decide only on this version, never retry. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Deterministic event ids (an Idempotency-Key's, or the application's): a retried append is a no-op. */
  eventId?: (index: number) => string;
  /** Extra metadata (the decision a completion follows from). */
  metadata?: Record<string, unknown>;
  decide: DecideContext;
  /** Checked on the loaded round before deciding (unit scope); throws to refuse. */
  authorize?: (state: RoundState) => void;
  /** Checked on the round as the decided events would leave it, before they are appended; throws to refuse. */
  beforeAppend?: (next: RoundState) => Promise<void>;
}

export interface RoundCommandResult {
  events: RoundEvent[];
  version: number;
  position: string;
  state: RoundState;
}

/**
 * Loads the round, decides with the pure decider and appends with the version it decided on: a
 * concurrent step is never overwritten, and opening expects no stream at all, which is how a second
 * periodic round of the same commune and year is refused even when two gateways race. Without If-Match
 * a conflict means "decide again on the fresh round", a bounded number of times.
 */
export async function executeRoundCommand(
  store: EventStore,
  command: RoundCommand,
  ctx: RoundCommandContext,
): Promise<RoundCommandResult> {
  try {
    return await decideAndAppend(store, command, ctx);
  } catch (err) {
    // A retry whose first attempt was stored (its answer lost) answers with what that attempt stored.
    const refused =
      err instanceof DomainError || err instanceof IdempotencyConflictError || err instanceof ConcurrencyError;
    const stored = refused && ctx.eventId ? await storedAttempt(store, command.roundId, ctx.eventId) : undefined;
    if (stored) return stored;
    throw err;
  }
}

async function decideAndAppend(
  store: EventStore,
  command: RoundCommand,
  ctx: RoundCommandContext,
): Promise<RoundCommandResult> {
  const attempts = ctx.expectedVersion !== undefined ? 1 : 10;
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadRound(store, command.roundId);
    ctx.authorize?.(state);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
      throw new ConcurrencyError(roundStreamId(command.roundId), ctx.expectedVersion, version);
    }
    const events = decideRound(command, state, ctx.decide);
    const next = events.reduce(evolveRound, state);
    await ctx.beforeAppend?.(next);
    try {
      const result = await store.appendToStream(
        roundStreamId(command.roundId),
        events.map((event, index) => {
          const encoded = encodeRoundEvent(event);
          return {
            ...(ctx.eventId ? { eventId: ctx.eventId(index) } : {}),
            type: encoded.type,
            schemaVersion: encoded.schemaVersion,
            data: encoded.data,
            personal: encoded.personal,
            occurredAt: ctx.occurredAt,
            metadata: {
              actorId: ctx.actor.id,
              actorRole: ctx.actor.role,
              correlationId: ctx.correlationId,
              ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
              ...ctx.metadata,
            },
          };
        }),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      return {
        events,
        version: result.nextExpectedVersion,
        position: result.position,
        state: next,
      };
    } catch (err) {
      if (err instanceof ConcurrencyError && attempt < attempts) {
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
        continue;
      }
      throw err;
    }
  }
}

/** What an earlier attempt with the same event ids stored, if any. */
async function storedAttempt(
  store: EventStore,
  roundId: string,
  eventId: (index: number) => string,
): Promise<RoundCommandResult | undefined> {
  const { recorded, state } = await loadRound(store, roundId);
  const byId = new Map(recorded.map((r) => [r.eventId, r]));
  const mine: RecordedEvent[] = [];
  for (let i = 0; ; i++) {
    const found = byId.get(eventId(i).toLowerCase());
    if (!found) break;
    mine.push(found);
  }
  const last = mine.at(-1);
  if (!last) return undefined;
  return { events: mine.map((r) => decodeRoundEvent(r)), version: last.version, position: last.position, state };
}
