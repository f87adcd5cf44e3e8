import {
  type Actor,
  decodeUnitFiguresEvent,
  UNIT_FIGURES_EVENT_SCHEMA_VERSIONS,
  type UnitFiguresCommand,
  type UnitFiguresEvent,
  type UnitFiguresState,
  unitFiguresDecider,
  unitFiguresStreamId,
} from '@benvung/domain';
import { ConcurrencyError, type EventStore, StreamNotFoundError } from '@benvung/event-store';

/** A unit's figures stream folded, and its version (0: none recorded yet). */
async function loadUnit(store: EventStore, unitCode: string): Promise<{ state: UnitFiguresState; version: number }> {
  let state = unitFiguresDecider.initialState();
  try {
    const recorded = await store.readStream(unitFiguresStreamId(unitCode));
    for (const r of recorded) state = unitFiguresDecider.evolve(state, decodeUnitFiguresEvent(r));
    return { state, version: recorded.at(-1)?.version ?? 0 };
  } catch (err) {
    if (err instanceof StreamNotFoundError) return { state, version: 0 };
    throw err;
  }
}

export interface FiguresResult {
  events: UnitFiguresEvent[];
  /** Global position of the last event appended (absent when nothing changed). */
  position?: string;
}

/**
 * Decides the commands of one unit in order on its stream and appends what they decide at the version
 * decided on; a concurrent write to the same unit means deciding again on the fresh stream (a few times).
 */
export async function executeFiguresCommands(
  store: EventStore,
  unitCode: string,
  commands: readonly UnitFiguresCommand[],
  ctx: { actor: Actor; correlationId: string; occurredAt: Date },
): Promise<FiguresResult> {
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadUnit(store, unitCode);
    let next = state;
    const events: UnitFiguresEvent[] = [];
    for (const command of commands) {
      const decided = unitFiguresDecider.decide(command, next);
      next = decided.reduce(unitFiguresDecider.evolve, next);
      events.push(...decided);
    }
    if (events.length === 0) return { events };
    try {
      const result = await store.appendToStream(
        unitFiguresStreamId(unitCode),
        events.map((event) => ({
          type: event.type,
          schemaVersion: UNIT_FIGURES_EVENT_SCHEMA_VERSIONS[event.type],
          data: event.data,
          occurredAt: ctx.occurredAt,
          metadata: { actorId: ctx.actor.id, actorRole: ctx.actor.role, correlationId: ctx.correlationId },
        })),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      return { events, position: result.position };
    } catch (err) {
      if (err instanceof ConcurrencyError && attempt < 5) continue;
      throw err;
    }
  }
}
