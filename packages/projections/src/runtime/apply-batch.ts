import { isTransientDatabaseError, type RecordedEvent } from '@benvung/event-store';
import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { lockCheckpoint, saveCheckpoint } from './checkpoint.js';
import { commitWithoutFlushWait } from './derived-commit.js';
import type { ApplyContext, Projection } from './projection.js';

/** What to do with an event the projection cannot apply. */
export type OnProjectionError = 'dead_letter' | 'stop';

/** Thrown inside a batch transaction when another worker moved the checkpoint first. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of ${projection} moved: another worker is ahead`);
  }
}

export interface BatchOutcome {
  applied: number;
  deadLettered: number;
}

/** Records an event a projection could not apply, once, with its error. */
export async function deadLetter(
  db: Kysely<ReadModelDatabase>,
  projection: string,
  event: RecordedEvent,
  err: unknown,
): Promise<void> {
  await db
    .insertInto('projection_dead_letter')
    .values({
      projection,
      event_id: event.eventId,
      stream_id: event.streamId,
      version: event.version,
      event_type: event.type,
      position: event.position,
      error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 4000) : String(err).slice(0, 4000),
    })
    .onConflict((oc) => oc.columns(['projection', 'event_id']).doNothing())
    .execute();
}

/**
 * Applies one batch and moves the checkpoint in the same transaction. If the batch fails, it is
 * applied again event by event under savepoints, so one bad event goes to the dead-letter table
 * (or stops the projection) while the others are kept. A transient failure (the database away, a
 * serialization failure, a deadlock) is no fault of any event: it is thrown for the caller to retry.
 */
export async function applyBatch(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  context: ApplyContext,
  events: readonly RecordedEvent[],
  expected: string | undefined,
  position: string | undefined,
  onError: OnProjectionError,
): Promise<BatchOutcome> {
  const run = (isolate: boolean) =>
    db.transaction().execute(async (trx) => {
      await commitWithoutFlushWait(trx);
      const current = await lockCheckpoint(trx, projection.name);
      if (current !== expected) throw new CheckpointMovedError(projection.name);
      let deadLettered = 0;
      if (!isolate) {
        if (events.length > 0) await projection.apply(trx, events, context);
      } else {
        for (const event of events) {
          await sql`SAVEPOINT one_event`.execute(trx);
          try {
            await projection.apply(trx, [event], context);
            await sql`RELEASE SAVEPOINT one_event`.execute(trx);
          } catch (err) {
            // A lost connection or a deadlock says nothing about the event: the whole batch is retried.
            if (onError === 'stop' || isTransientDatabaseError(err)) throw err;
            await sql`ROLLBACK TO SAVEPOINT one_event`.execute(trx);
            await deadLetter(trx, projection.name, event, err);
            deadLettered++;
          }
        }
      }
      await saveCheckpoint(trx, projection.name, position, events.length - deadLettered);
      return { applied: events.length - deadLettered, deadLettered };
    });
  try {
    return await run(false);
  } catch (err) {
    if (err instanceof CheckpointMovedError || events.length === 0 || isTransientDatabaseError(err)) throw err;
    return run(true);
  }
}
