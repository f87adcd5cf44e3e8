import type { EventStore } from '@benvung/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { applyBatch, CheckpointMovedError, type OnProjectionError } from './apply-batch.js';
import { readCheckpoint } from './checkpoint.js';
import type { Projection } from './projection.js';

export interface ProjectionStatus {
  name: string;
  position: string | undefined;
  caughtUp: boolean;
  eventsProcessed: number;
  deadLettered: number;
  lastBatchAt: Date | undefined;
  /** Store time of the last event applied: how far behind the projection is, in time. */
  lastEventRecordedAt: Date | undefined;
}

export function newProjectionStatus(name: string): ProjectionStatus {
  return {
    name,
    position: undefined,
    caughtUp: false,
    eventsProcessed: 0,
    deadLettered: 0,
    lastBatchAt: undefined,
    lastEventRecordedAt: undefined,
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
}

/**
 * Runs one projection until `signal` aborts: resumes from its checkpoint, and for every batch writes
 * the read model and the new checkpoint in one transaction (effectively once).
 */
export async function runProjection(options: RunnerOptions, status: ProjectionStatus): Promise<void> {
  const { store, db, projection, signal } = options;
  while (!signal.aborted) {
    const start = await readCheckpoint(db, projection.name);
    status.position = start;
    try {
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
        status.caughtUp = batch.caughtUp;
        options.onBatch?.(status);
      }
    } catch (err) {
      if (!(err instanceof CheckpointMovedError)) throw err;
      // Another worker is ahead: start again from its checkpoint.
    }
  }
}
