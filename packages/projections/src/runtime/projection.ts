import type { EventStore, RecordedEvent } from '@benvung/event-store';
import type { Transaction } from 'kysely';
import type { CopyRows } from '../sql/copy.js';
import type { ReadModelDatabase } from '../tables/database.js';

/** What a projection may read besides its batch. */
export interface ApplyContext {
  /**
   * The store the batch comes from: a projection that does not hold a stream's state in memory reads
   * the stream's history here rather than keeping a copy of it in its own tables.
   */
  readonly store: Pick<EventStore, 'readStreams'>;
  /**
   * During a rebuild's replay only: inserts rows that are new into a fresh table by COPY, in the
   * batch's transaction (sql/copy.ts). Absent elsewhere, where a projection inserts as it always does.
   */
  readonly copy?: CopyRows;
}

/**
 * A named, versioned read model. `apply` receives a batch in global order inside the transaction that
 * also moves the checkpoint, and must be idempotent per event (a batch may be seen again after a crash
 * between commit and acknowledgement — it is not, by construction, but handlers do not count on it).
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly eventTypes: readonly string[];
  /** Tables this projection owns: a rebuild fills fresh copies and swaps them in. */
  readonly tables: readonly (keyof ReadModelDatabase)[];
  /**
   * For an event it cannot decode, throws RejectedEventError before changing what it keeps in memory:
   * a rebuild then leaves that event out as the live projector does (the projector isolates any
   * failing event itself, whatever the error).
   */
  apply(trx: Transaction<ReadModelDatabase>, events: readonly RecordedEvent[], context: ApplyContext): Promise<void>;
  /**
   * Optional: an instance for one rebuild. The rebuild applies every page through it, each event
   * exactly once, and calls its `flush` once the log is replayed, before catching up and swapping the
   * tables in. Nobody reads the fresh tables meanwhile and a failed rebuild starts over, so the
   * instance may keep rows in memory across pages and write each once, and need not guard against an
   * event seen again; after `flush` it must write through, like `apply`.
   */
  rebuilding?(): RebuildingProjection;
}

/** A projection instance for a rebuild: see `Projection.rebuilding`. */
export interface RebuildingProjection extends Projection {
  flush(trx: Transaction<ReadModelDatabase>): Promise<void>;
  /**
   * Tables of `tables` this instance only inserts into until `flush`, never reading, updating or
   * upserting them: the rebuild drops every index of theirs for the replay, primary keys too, and
   * builds them again after `flush` (rebuild/indexes.ts).
   */
  readonly insertOnly?: readonly (keyof ReadModelDatabase)[];
}
