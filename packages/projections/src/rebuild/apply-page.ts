import type { RecordedEvent } from '@benvung/event-store';
import type { Kysely, Transaction } from 'kysely';
import { commitWithoutFlushWait } from '../runtime/derived-commit.js';
import type { ApplyContext, Projection } from '../runtime/projection.js';
import type { ReadModelDatabase } from '../tables/database.js';

/** Fresh tables are built here, then moved into public when caught up. */
export const REBUILD_SCHEMA = 'rm_rebuild';

const eventsFor = (p: Projection, events: readonly RecordedEvent[]): readonly RecordedEvent[] => {
  const types = new Set(p.eventTypes);
  return events.filter((e) => types.has(e.type));
};

/** Gives each projection the events of the page it handles, in order, inside `trx`. */
export async function applyToAll(
  trx: Transaction<ReadModelDatabase>,
  projections: readonly Projection[],
  context: ApplyContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const p of projections) {
    const mine = eventsFor(p, events);
    if (mine.length > 0) await p.apply(trx, mine, context);
  }
}

/**
 * Applies one page to the fresh tables of a rebuild: each projection in a transaction of its own, all
 * at once, so that the server writes one projection's rows while this process folds another's. Nobody
 * reads the fresh tables and a failed rebuild starts over, so the projections need not commit together.
 * `db` needs a connection per projection.
 */
export async function applyPage(
  db: Kysely<ReadModelDatabase>,
  projections: readonly Projection[],
  context: ApplyContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  const applying = projections.map(async (p) => {
    const mine = eventsFor(p, events);
    if (mine.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await commitWithoutFlushWait(trx);
      await p.apply(trx, mine, context);
    });
  });
  // Every transaction ends before this returns, also when one of them failed.
  const failed = (await Promise.allSettled(applying)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
