import type { RecordedEvent } from '@benvung/event-store';

/**
 * Thrown by a projection for an event it cannot apply (one it cannot decode), before it changed
 * anything it keeps in memory: the caller rolls the transaction back, records the event as a dead
 * letter and applies the others. What a rebuild does, so that one bad event in the log leaves the
 * same gap in rebuilt tables as in live ones instead of making a rebuild impossible.
 */
export class RejectedEventError extends Error {
  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`${event.type} ${event.eventId} (${event.streamId} version ${event.version}) cannot be applied: ${reason}`, {
      cause,
    });
    this.name = 'RejectedEventError';
  }
}

/** `decode(event)`, or a RejectedEventError naming the event. */
export function decodeOrReject<T>(event: RecordedEvent, decode: (event: RecordedEvent) => T): T {
  try {
    return decode(event);
  } catch (err) {
    throw new RejectedEventError(event, err);
  }
}
