import { decodeHouseholdEnvelope, householdStreamId } from '@benvung/domain';
import { type EventStore, type RecordedEvent, StreamNotFoundError } from '@benvung/event-store';
import type { CommandResult } from './household-commands.js';

/**
 * What an earlier attempt of the same request stored: its events carry the ids derived from the
 * Idempotency-Key. A request whose append committed but whose answer was lost — the connection cut
 * after the commit, the database stopped before the stored response was written — is repeated by its
 * client; deciding it again on the new state refuses it (a registration "already registered", a note
 * whose id is taken at another version). The first attempt's result is the answer instead.
 * Undefined when no event of this request is stored.
 */
export async function storedAttempt(
  store: EventStore,
  householdId: string,
  eventId: (index: number) => string,
): Promise<CommandResult | undefined> {
  let recorded: RecordedEvent[];
  try {
    recorded = await store.readStream(householdStreamId(householdId));
  } catch (err) {
    if (err instanceof StreamNotFoundError) return undefined;
    throw err;
  }
  const byId = new Map(recorded.map((r) => [r.eventId, r]));
  const mine: RecordedEvent[] = [];
  for (let i = 0; ; i++) {
    const found = byId.get(eventId(i).toLowerCase());
    if (!found) break;
    mine.push(found);
  }
  const last = mine.at(-1);
  if (!last) return undefined;
  return {
    events: mine.map((r) => decodeHouseholdEnvelope({ ...r, personal: null }).event),
    version: last.version,
    position: last.position,
  };
}
