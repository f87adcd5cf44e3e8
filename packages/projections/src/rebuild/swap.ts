import type { EventStore, RecordedEvent } from '@benvung/event-store';
import { type Kysely, sql } from 'kysely';
import { lockCheckpoint } from '../runtime/checkpoint.js';
import type { Projection } from '../runtime/projection.js';
import type { ReadModelDatabase } from '../tables/database.js';
import { type AppliedCounts, applyPage, applyToAll, REBUILD_SCHEMA } from './apply-page.js';
import { replayLog } from './replay-log.js';

const DEAD_LETTER_COLUMNS = 'projection, event_id, stream_id, version, event_type, position, error, failed_at';

export interface SwapOptions {
  main: Kysely<ReadModelDatabase>;
  fresh: Kysely<ReadModelDatabase>;
  store: EventStore;
  projections: readonly Projection[];
  eventTypes: readonly string[];
  pageSize: number;
  position: string | undefined;
  /** Events each projection applied so far; the catch-up adds to them. */
  applied: AppliedCounts;
  processedRef: (n: number) => void;
}

/**
 * The switch, in one transaction on the live database: lock the projections' checkpoint rows (live
 * workers wait, then find their checkpoint moved and resume from the new one), apply the few events
 * that arrived since the replay ended, replace each live table by its rebuilt twin, move checkpoints.
 * Readers of the old tables finish first (DROP waits for them); none sees a half-built table.
 */
export async function swapIn(o: SwapOptions): Promise<string | undefined> {
  const replay = (after: string | undefined, apply: (events: readonly RecordedEvent[]) => Promise<void>) =>
    replayLog({
      store: o.store,
      after,
      eventTypes: o.eventTypes,
      pageSize: o.pageSize,
      apply,
      onPage: o.processedRef,
    });
  // Catch up outside the lock first, so the locked window is short.
  let position = await replay(o.position, (events) =>
    applyPage(o.fresh, o.projections, { store: o.store }, events).then((n) => o.applied.add(n)),
  );
  await o.main.transaction().execute(async (trx) => {
    for (const p of o.projections) await lockCheckpoint(trx, p.name);
    await sql`SET LOCAL search_path = ${sql.id(REBUILD_SCHEMA)}, public`.execute(trx);
    position = await replay(position, (events) =>
      applyToAll(trx, o.projections, { store: o.store }, events).then((n) => o.applied.add(n)),
    );
    await sql`SET LOCAL search_path = public`.execute(trx);
    for (const p of o.projections) {
      for (const table of p.tables) {
        await sql`DROP TABLE public.${sql.id(table)}`.execute(trx);
        await sql`ALTER TABLE ${sql.id(REBUILD_SCHEMA)}.${sql.id(table)} SET SCHEMA public`.execute(trx);
      }
      // The dead letters become the rebuild's: the events it left out, as the rebuilt tables did.
      await sql`DELETE FROM public.projection_dead_letter WHERE projection = ${p.name}`.execute(trx);
      await sql`
        INSERT INTO public.projection_dead_letter (${sql.raw(DEAD_LETTER_COLUMNS)})
        SELECT ${sql.raw(DEAD_LETTER_COLUMNS)} FROM ${sql.id(REBUILD_SCHEMA)}.projection_dead_letter
        WHERE projection = ${p.name} ORDER BY id`.execute(trx);
      await trx
        .updateTable('projection_checkpoint')
        .set({
          position: position ?? null,
          events_processed: String(o.applied.of(p.name)),
          updated_at: sql<Date>`now()`,
        })
        .where('name', '=', p.name)
        .execute();
    }
  });
  return position;
}
