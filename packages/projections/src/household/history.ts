import { householdStreamId } from '@benvung/domain';
import { MAX_STREAMS_PER_READ } from '@benvung/event-store';
import { sql, type Transaction } from 'kysely';
import type { ApplyContext } from '../runtime/projection.js';
import type { ReadModelDatabase } from '../tables/database.js';
import { decodeForFold, householdIdOf } from './decode.js';
import { emptyFold, foldEvent, type HouseholdFold } from './fold.js';

type Trx = Transaction<ReadModelDatabase>;

/** A household whose fold is wanted as of a stream version. */
export interface HistoryWant {
  householdId: string;
  version: number;
}

/** Events of these streams that went to this projection's dead letters: the read models never counted them. */
async function deadLettered(trx: Trx, projection: string, streams: readonly string[]): Promise<Set<string>> {
  const result = await sql<{ event_id: string }>`
    SELECT event_id FROM projection_dead_letter
    WHERE projection = ${projection} AND stream_id = ANY(${streams}::text[])`.execute(trx);
  return new Set(result.rows.map((r) => r.event_id));
}

/**
 * The folds of some households as of the versions the read models hold, each with its whole log,
 * from their streams in the event store: a fold is a pure function of the stream, so replaying the
 * events up to that version (without those this projection dead-lettered, as the read models went on
 * without them) gives exactly the fold the rows were written from. A household whose stream has no
 * such events is absent.
 */
export async function foldsFromHistory(
  trx: Trx,
  context: ApplyContext,
  projection: string,
  wants: readonly HistoryWant[],
): Promise<Map<string, HouseholdFold>> {
  const folds = new Map<string, HouseholdFold>();
  for (let i = 0; i < wants.length; i += MAX_STREAMS_PER_READ) {
    const reads = wants
      .slice(i, i + MAX_STREAMS_PER_READ)
      .map((w) => ({ streamId: householdStreamId(w.householdId), toVersion: w.version }));
    const [histories, skipped] = await Promise.all([
      context.store.readStreams(reads),
      deadLettered(
        trx,
        projection,
        reads.map((r) => r.streamId),
      ),
    ]);
    for (const { streamId } of reads) {
      const events = histories.get(streamId);
      if (!events) continue;
      let fold = emptyFold();
      for (const e of events) {
        if (!skipped.has(e.eventId)) fold = foldEvent(fold, e.eventId, decodeForFold(e), e.version);
      }
      folds.set(householdIdOf(streamId), fold);
    }
  }
  return folds;
}
