import {
  type Actor,
  DEFAULT_DECIDE_CONTEXT,
  DomainError,
  decide,
  decodeHouseholdEnvelope,
  encodeHouseholdEvent,
  evolve,
  type HouseholdCommand,
  type HouseholdEvent,
  type HouseholdState,
  householdStreamId,
  initialState,
  type RuleBook,
  type UnitRegistry,
} from '@benvung/domain';
import { ConcurrencyError, type EventStore, IdempotencyConflictError, StreamNotFoundError } from '@benvung/event-store';
import type { HouseholdStateCache } from './household-state-cache.js';
import { storedAttempt } from './stored-attempt.js';

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** Business time of the command (when it happened), as the caller says or now. */
  occurredAt: Date;
  /** From If-Match: decide only on this version, never retry. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Retries on a concurrent write when no expected version was given. */
  maxAttempts?: number;
  /** Checked on the loaded state before deciding (unit scope); throws to refuse. */
  authorize?: (state: HouseholdState) => void;
  /** Deterministic event ids (from an Idempotency-Key) make a retried append a no-op in the store. */
  eventId?: (index: number) => string;
  /** Recently commanded households' states: only newer events are read. */
  stateCache?: HouseholdStateCache;
  /** The rule book to decide with (the rules stream's); the shipped rules when omitted. */
  rules?: RuleBook;
  /** The unit registry to decide with (the national lists); the shipped one when omitted. */
  units?: UnitRegistry;
}

export interface CommandResult {
  events: HouseholdEvent[];
  version: number;
  position: string;
}

/**
 * The household's state and version for deciding: from the cache plus the events appended since, or
 * from the whole stream. Events are decoded with personal fields erased: the decider never reads them.
 */
export async function loadHousehold(
  store: EventStore,
  householdId: string,
  cache?: HouseholdStateCache,
): Promise<{ state: HouseholdState; version: number }> {
  const cached = cache?.get(householdId);
  let state = cached?.state ?? initialState();
  let version = cached?.version ?? 0;
  try {
    const recorded = await store.readStream(householdStreamId(householdId), { fromVersion: version + 1 });
    for (const r of recorded) {
      state = evolve(state, decodeHouseholdEnvelope({ ...r, personal: null }));
      version = r.version;
    }
  } catch (err) {
    if (!(err instanceof StreamNotFoundError)) throw err;
  }
  if (version > 0) cache?.set(householdId, { version, state });
  return { state, version };
}

/**
 * Loads the household, decides with the pure decider and appends with the version it decided on, so
 * no concurrent write is ever overwritten. Without If-Match a conflict means "decide again on fresh
 * state", a bounded number of times. A refused repeat of a request whose first attempt was stored
 * (same Idempotency-Key) answers with what that attempt stored.
 */
export async function executeHouseholdCommand(
  store: EventStore,
  householdId: string,
  command: HouseholdCommand,
  ctx: CommandContext,
): Promise<CommandResult> {
  try {
    return await decideAndAppend(store, householdId, command, ctx);
  } catch (err) {
    const refused =
      err instanceof DomainError || err instanceof IdempotencyConflictError || err instanceof ConcurrencyError;
    const stored = refused && ctx.eventId ? await storedAttempt(store, householdId, ctx.eventId) : undefined;
    if (stored) return stored;
    throw err;
  }
}

async function decideAndAppend(
  store: EventStore,
  householdId: string,
  command: HouseholdCommand,
  ctx: CommandContext,
): Promise<CommandResult> {
  const attempts = ctx.expectedVersion !== undefined ? 1 : (ctx.maxAttempts ?? 20);
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadHousehold(store, householdId, ctx.stateCache);
    ctx.authorize?.(state);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
      throw new ConcurrencyError(householdStreamId(householdId), ctx.expectedVersion, version);
    }
    const events = decide(command, state, {
      units: ctx.units ?? DEFAULT_DECIDE_CONTEXT.units,
      rules: ctx.rules ?? DEFAULT_DECIDE_CONTEXT.rules,
    });
    try {
      const result = await store.appendToStream(
        householdStreamId(householdId),
        events.map((event, index) => {
          const encoded = encodeHouseholdEvent(event);
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
            },
          };
        }),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      return {
        events,
        version: result.nextExpectedVersion,
        position: result.position,
      };
    } catch (err) {
      if (err instanceof ConcurrencyError && attempt < attempts) {
        // Another writer (another gateway instance) got there first: back off a little, with jitter.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
        continue;
      }
      throw err;
    }
  }
}
