import { type EventStore, isTransientDatabaseError } from '@benvung/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { applyBatch, CheckpointMovedError, type OnProjectionError } from './apply-batch.js';
import { readCheckpoint } from './checkpoint.js';
import type { Projection } from './projection.js';
import { pause, retryDelayMs } from './retry-delay.js';

/**
 * `running`: reading and applying the log. `retrying`: the last attempt failed for a transient cause
 * (the database away, a serialization failure or deadlock) and the next one waits its backoff.
 * `stopped`: not started, stopped by its owner, or ended on an error it cannot get past (`lastError`).
 */
export type ProjectionState = 'running' | 'retrying' | 'stopped';

export interface ProjectionStatus {
  name: string;
  state: ProjectionState;
  position: string | undefined;
  /** The subscription's view: it read up to the end of the log in its last batch. */
  caughtUp: boolean;
  eventsProcessed: number;
  deadLettered: number;
  lastBatchAt: Date | undefined;
  /** Store time of the last event applied: how far behind the projection is, in time. */
  lastEventRecordedAt: Date | undefined;
  /** Failed attempts in a row (0 while running). */
  attempts: number;
  /** While retrying or once stopped on an error: what the last attempt failed with. */
  lastError: string | undefined;
}

export function newProjectionStatus(name: string): ProjectionStatus {
  return {
    name,
    state: 'stopped',
    position: undefined,
    caughtUp: false,
    eventsProcessed: 0,
    deadLettered: 0,
    lastBatchAt: undefined,
    lastEventRecordedAt: undefined,
    attempts: 0,
    lastError: undefined,
  };
}

export interface RunnerOptions {
  store: EventStore;
  db: Kysely<ReadModelDatabase>;
  projection: Projection;
  batchSize?: number;
  onError?: OnProjectionError;
  signal: AbortSignal;
  onBatch?: (status: ProjectionStatus) => void;
  /** Called after a transient failure, before waiting `delayMs` to try again from the checkpoint. */
  onRetry?: (status: ProjectionStatus, err: unknown, delayMs: number) => void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message || err.name : String(err)).slice(0, 500);

/**
 * Runs one projection until `signal` aborts: resumes from its checkpoint, and for every batch writes
 * the read model and the new checkpoint in one transaction (effectively once). A transient failure —
 * the connection lost, the server stopped or restarting, a serialization failure or deadlock — rolls
 * the batch back whole; the projection waits a capped, growing delay and resumes from its committed
 * checkpoint, for as long as it takes. Only an error that is not transient ends it (state `stopped`):
 * an event it cannot apply goes to the dead-letter table before that, unless onError is 'stop'.
 */
export async function runProjection(options: RunnerOptions, status: ProjectionStatus): Promise<void> {
  const { signal } = options;
  status.state = 'running';
  try {
    while (!signal.aborted) {
      try {
        await follow(options, status);
      } catch (err) {
        if (err instanceof CheckpointMovedError) continue; // another worker is ahead: start from its checkpoint
        if (signal.aborted) break;
        if (!isTransientDatabaseError(err)) throw err;
        status.state = 'retrying';
        status.caughtUp = false;
        status.attempts++;
        status.lastError = messageOf(err);
        const delay = retryDelayMs(status.attempts);
        options.onRetry?.(status, err, delay);
        await pause(delay, signal);
      }
    }
  } catch (err) {
    status.lastError = messageOf(err);
    throw err;
  } finally {
    status.state = 'stopped';
    status.caughtUp = false;
  }
}

/** One subscription from the committed checkpoint, until the signal aborts or something fails. */
async function follow(options: RunnerOptions, status: ProjectionStatus): Promise<void> {
  const { store, db, projection, signal } = options;
  const start = await readCheckpoint(db, projection.name);
  status.position = start;
  for await (const batch of store.subscribe({
    ...(start !== undefined ? { after: start } : {}),
    eventTypes: projection.eventTypes,
    batchSize: options.batchSize ?? 500,
    signal,
  })) {
    if (batch.position !== status.position) {
      const outcome = await applyBatch(
        db,
        projection,
        { store },
        batch.events,
        status.position,
        batch.position,
        options.onError ?? 'dead_letter',
      );
      status.position = batch.position;
      status.eventsProcessed += outcome.applied;
      status.deadLettered += outcome.deadLettered;
      status.lastBatchAt = new Date();
      status.lastEventRecordedAt = batch.events.at(-1)?.recordedAt ?? status.lastEventRecordedAt;
    }
    // A read (and an apply) went through: whatever failed before is over.
    status.state = 'running';
    status.attempts = 0;
    status.lastError = undefined;
    status.caughtUp = batch.caughtUp;
    options.onBatch?.(status);
  }
}
