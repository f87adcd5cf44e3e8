import type { RecordedEvent } from '@benvung/event-store';
import { type Kysely, sql, type Transaction } from 'kysely';
import { deadLetter } from '../runtime/apply-batch.js';
import { commitWithoutFlushWait } from '../runtime/derived-commit.js';
import type { ApplyContext, Projection } from '../runtime/projection.js';
import { RejectedEventError } from '../runtime/rejected-event.js';
import type { ReadModelDatabase } from '../tables/database.js';

/** Fresh tables are built here, then moved into public when caught up. */
export const REBUILD_SCHEMA = 'rm_rebuild';

const eventsFor = (p: Projection, events: readonly RecordedEvent[]): readonly RecordedEvent[] => {
  const types = new Set(p.eventTypes);
  return events.filter((e) => types.has(e.type));
};

/**
 * Applies `events` with `attempt`, again without each event the projection rejects, which goes to the
 * dead letters of `db` (the fresh tables' own, swapped in with them): as the live projector does, so a
 * rebuild leaves out what live projection left out. `attempt` must undo its writes when it throws.
 * Returns how many events the projection applied.
 */
async function applyRejecting(
  db: Kysely<ReadModelDatabase>,
  p: Projection,
  events: readonly RecordedEvent[],
  attempt: (events: readonly RecordedEvent[]) => Promise<void>,
): Promise<number> {
  let mine = eventsFor(p, events);
  while (mine.length > 0) {
    try {
      await attempt(mine);
      return mine.length;
    } catch (err) {
      const rejected = err instanceof RejectedEventError ? err.event : undefined;
      // Only an event of these: anything else would be retried for ever.
      if (!rejected || !mine.some((e) => e.eventId === rejected.eventId)) throw err;
      await deadLetter(db, p.name, rejected, err);
      mine = mine.filter((e) => e.eventId !== rejected.eventId);
    }
  }
  return 0;
}

/** Gives each projection the events of the page it handles, in order, inside `trx`; how many each applied. */
export async function applyToAll(
  trx: Transaction<ReadModelDatabase>,
  projections: readonly Projection[],
  context: ApplyContext,
  events: readonly RecordedEvent[],
): Promise<number[]> {
  const applied: number[] = [];
  for (const p of projections) {
    const count = await applyRejecting(trx, p, events, async (mine) => {
      await sql`SAVEPOINT rebuild_tail`.execute(trx);
      try {
        await p.apply(trx, mine, context);
      } catch (err) {
        await sql`ROLLBACK TO SAVEPOINT rebuild_tail`.execute(trx);
        throw err;
      }
      await sql`RELEASE SAVEPOINT rebuild_tail`.execute(trx);
    });
    applied.push(count);
  }
  return applied;
}

/**
 * Applies one page to the fresh tables of a rebuild: each projection in a transaction of its own, all
 * at once, so that the server writes one projection's rows while this process folds another's. Nobody
 * reads the fresh tables and a failed rebuild starts over, so the projections need not commit together.
 * `db` needs a connection per projection. Returns how many events each projection applied.
 */
export async function applyPage(
  db: Kysely<ReadModelDatabase>,
  projections: readonly Projection[],
  context: ApplyContext,
  events: readonly RecordedEvent[],
): Promise<number[]> {
  const applying = projections.map((p) =>
    applyRejecting(db, p, events, (mine) =>
      db.transaction().execute(async (trx) => {
        await commitWithoutFlushWait(trx);
        await p.apply(trx, mine, context);
      }),
    ),
  );
  // Every transaction ends before this returns, also when one of them failed.
  const settled = await Promise.allSettled(applying);
  return settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
}

/** Events each projection applied over a rebuild: its checkpoint's count once swapped in. */
export class AppliedCounts {
  readonly #counts = new Map<string, number>();

  constructor(readonly projections: readonly Projection[]) {}

  add(applied: readonly number[]): void {
    this.projections.forEach((p, i) => {
      this.#counts.set(p.name, (this.#counts.get(p.name) ?? 0) + (applied[i] ?? 0));
    });
  }

  of(name: string): number {
    return this.#counts.get(name) ?? 0;
  }
}
