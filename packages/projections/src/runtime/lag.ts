import type { EventStore } from '@benvung/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { readCheckpoint } from './checkpoint.js';

/**
 * How long the oldest unapplied event may have waited for the projection still to count as caught up:
 * under a steady stream of writes the last few events are always on their way.
 */
export const CAUGHT_UP_GRACE_SECONDS = 2;

export interface ProjectionLag {
  name: string;
  /** Events in the log after the projection's checkpoint (at least this many when `capped`). */
  events: number;
  capped: boolean;
  /** How long the oldest event the projection has not applied has waited; 0 when caught up. */
  seconds: number;
  /** No events waiting, or none older than the grace: from the committed checkpoint, whoever runs it. */
  caughtUp: boolean;
}

/**
 * Lag of each projection behind the log, from its committed checkpoint: true whichever process runs
 * the projection (the gateway's own projector or a separate projector service).
 */
export async function projectionLags(
  store: EventStore,
  db: Kysely<ReadModelDatabase>,
  names: readonly string[],
  now: Date,
): Promise<ProjectionLag[]> {
  return Promise.all(
    names.map(async (name) => {
      const backlog = await store.backlog(await readCheckpoint(db, name));
      const waited = backlog.oldestRecordedAt ? (now.getTime() - backlog.oldestRecordedAt.getTime()) / 1000 : 0;
      const seconds = Math.max(0, waited);
      const caughtUp = backlog.events === 0 || seconds <= CAUGHT_UP_GRACE_SECONDS;
      return { name, events: backlog.events, capped: backlog.capped, seconds, caughtUp };
    }),
  );
}
