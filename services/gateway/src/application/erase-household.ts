import {
  DomainError,
  decide,
  decodeHouseholdEnvelope,
  encodeHouseholdEvent,
  evolve,
  type HouseholdState,
  householdStreamId,
  initialState,
} from '@benvung/domain';
import { ConcurrencyError, IdempotencyConflictError, StreamNotFoundError } from '@benvung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandResult } from './household-commands.js';
import { storedAttempt } from './stored-attempt.js';
import { householdNotFound, inScope } from './unit-scope.js';

/** Concurrent writes to the household an erasure without If-Match decides again on, at most. */
const MAX_ATTEMPTS = 5;

export interface ErasureRequest {
  householdId: string;
  reason: string;
  occurredOn: string;
  /** From If-Match: erase only at this version. */
  expectedVersion?: number;
  /** From an Idempotency-Key: the erasure event's id, so a retry is answered rather than repeated. */
  eventId?: (index: number) => string;
  idempotencyKey?: string;
}

export interface ErasureOutcome extends CommandResult {
  erasedEvents: number;
}

/**
 * Who may erase which household: an admin any household (erasure requests reach the administrator
 * whatever the commune), a supervisor those of their units; to anyone else the household does not exist.
 */
function authorize(app: FastifyInstance, request: FastifyRequest, state: HouseholdState): void {
  if (state.status === 'unregistered') throw householdNotFound();
  if (request.actor.role === 'admin') return;
  if (!inScope(request.units, state.unitCode, app.geography.covers)) throw householdNotFound();
}

/**
 * One erasure, decided on the whole stream (the decider needs the state, the event the number of events
 * whose personal part goes) and stored with `erasePersonalData` at the version decided on, so an event
 * with a name appended meanwhile is never left behind: the store refuses and this decides again.
 */
async function decideAndErase(
  app: FastifyInstance,
  request: FastifyRequest,
  spec: ErasureRequest,
): Promise<ErasureOutcome> {
  const streamId = householdStreamId(spec.householdId);
  const attempts = spec.expectedVersion !== undefined ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    let recorded: Awaited<ReturnType<typeof app.deps.store.readStream>>;
    try {
      recorded = await app.deps.store.readStream(streamId);
    } catch (err) {
      if (err instanceof StreamNotFoundError) throw householdNotFound();
      throw err;
    }
    let state = initialState();
    // The decider never reads personal fields: decoded as erased, as for every other command.
    for (const r of recorded) state = evolve(state, decodeHouseholdEnvelope({ ...r, personal: null }));
    authorize(app, request, state);
    const version = recorded.at(-1)?.version ?? 0;
    if (spec.expectedVersion !== undefined && spec.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, spec.expectedVersion, version);
    }
    const events = decide(
      {
        type: 'ErasePersonalData',
        householdId: spec.householdId,
        reason: spec.reason,
        erasedEvents: recorded.filter((r) => r.personal !== null).length,
        occurredOn: spec.occurredOn,
      },
      state,
    );
    const [event] = events;
    if (!event) throw new Error('an erasure decides one event');
    const encoded = encodeHouseholdEvent(event);
    try {
      const result = await app.deps.store.erasePersonalData(
        streamId,
        {
          ...(spec.eventId ? { eventId: spec.eventId(0) } : {}),
          type: encoded.type,
          schemaVersion: encoded.schemaVersion,
          data: encoded.data,
          personal: null,
          occurredAt: new Date(`${spec.occurredOn}T00:00:00Z`),
          metadata: {
            actorId: request.actor.id,
            actorRole: request.actor.role,
            correlationId: request.id,
            ...(spec.idempotencyKey ? { idempotencyKey: spec.idempotencyKey } : {}),
          },
        },
        { expectedVersion: version },
      );
      return {
        events,
        version: result.nextExpectedVersion,
        position: result.position,
        erasedEvents: event.type === 'PersonalDataErased' ? event.data.erasedEvents : result.erasedEvents,
      };
    } catch (err) {
      if (err instanceof ConcurrencyError && attempt < attempts) continue;
      throw err;
    }
  }
}

/**
 * Erases a household's personal data. A repeat of a request whose erasure committed but whose answer was
 * lost (same Idempotency-Key) is refused by the decider (nothing left to erase) or the store; it is then
 * answered with the erasure already recorded.
 */
export async function eraseHousehold(
  app: FastifyInstance,
  request: FastifyRequest,
  spec: ErasureRequest,
): Promise<ErasureOutcome> {
  try {
    return await decideAndErase(app, request, spec);
  } catch (err) {
    const refused =
      err instanceof DomainError || err instanceof IdempotencyConflictError || err instanceof ConcurrencyError;
    const stored =
      refused && spec.eventId ? await storedAttempt(app.deps.store, spec.householdId, spec.eventId) : undefined;
    if (stored) {
      const [event] = stored.events;
      return { ...stored, erasedEvents: event?.type === 'PersonalDataErased' ? event.data.erasedEvents : 0 };
    }
    throw err;
  }
}
