import type { RecordedEvent } from '@benvung/event-store';
import type { Kysely, Transaction } from 'kysely';
import type { Projection } from '../runtime/projection.js';
import type { ReadModelDatabase } from '../tables/database.js';

/** Fresh tables are built here, then moved into public when caught up. */
export const REBUILD_SCHEMA = 'rm_rebuild';

/** Gives each projection the events of the page it handles, in order, inside `trx`. */
export async function applyToAll(
  trx: Transaction<ReadModelDatabase>,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const p of projections) {
    const types = new Set(p.eventTypes);
    const mine = events.filter((e) => types.has(e.type));
    if (mine.length > 0) await p.apply(trx, mine);
  }
}

/** Applies one page to every projection in one transaction. */
export async function applyPage(
  db: Kysely<ReadModelDatabase>,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
): Promise<void> {
  await db.transaction().execute((trx) => applyToAll(trx, projections, events));
}
