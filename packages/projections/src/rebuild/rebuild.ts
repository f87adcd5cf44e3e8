import type { EventStore } from '@benvung/event-store';
import { sql } from 'kysely';
import { createReadModelDb } from '../db.js';
import { migrateReadModels } from '../migrate.js';
import type { Projection } from '../runtime/projection.js';
import { CopyWriter } from '../sql/copy.js';
import { AppliedCounts, applyPage, REBUILD_SCHEMA } from './apply-page.js';
import { buildIndexes, dropIndexes } from './indexes.js';
import { replayLog } from './replay-log.js';
import { swapIn } from './swap.js';

export interface RebuildProgress {
  processed: number;
  eventsPerSecond: number;
  /** Events in the log when the rebuild started, when the store can tell. */
  total?: number;
  phase: 'replaying' | 'switching' | 'done';
}

export interface RebuildOptions {
  store: EventStore;
  connectionString: string;
  projections: readonly Projection[];
  batchSize?: number;
  total?: number;
  onProgress?: (p: RebuildProgress) => void;
  signal?: AbortSignal;
}

export interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  position: string | undefined;
}

/**
 * Replays the whole log from position zero into fresh tables in REBUILD_SCHEMA while the live tables
 * keep serving, then swaps the rebuilt tables in (see swap.ts) and moves the checkpoints.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const { store } = options;
  // Instances of their own for this rebuild, where a projection offers one (it may write behind).
  const rebuilding = options.projections.map((p) => p.rebuilding?.());
  const projections = options.projections.map((p, i) => rebuilding[i] ?? p);
  const main = createReadModelDb(options.connectionString, { max: 2 });
  await sql`DROP SCHEMA IF EXISTS ${sql.id(REBUILD_SCHEMA)} CASCADE`.execute(main);
  await sql`CREATE SCHEMA ${sql.id(REBUILD_SCHEMA)}`.execute(main);
  // A connection per projection: pages are applied to all of them at once (applyPage).
  const copier = new CopyWriter();
  const fresh = createReadModelDb(options.connectionString, {
    max: Math.max(2, projections.length),
    searchPath: REBUILD_SCHEMA,
    onConnect: (client) => copier.register(client),
  });
  try {
    await migrateReadModels(fresh, REBUILD_SCHEMA);
    // Built again once the log is replayed, before the swap (indexes.ts).
    const deferred = await dropIndexes(
      fresh,
      REBUILD_SCHEMA,
      projections.flatMap((p) => p.tables),
      rebuilding.flatMap((p) => p?.insertOnly ?? []),
    );
    const eventTypes = [...new Set(projections.flatMap((p) => p.eventTypes))];
    const started = performance.now();
    let processed = 0;
    let position: string | undefined;
    const report = (phase: RebuildProgress['phase']) => {
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({
        processed,
        eventsPerSecond: seconds > 0 ? processed / seconds : 0,
        phase,
        ...(options.total !== undefined ? { total: options.total } : {}),
      });
    };
    // Replay without holding any lock on the live tables.
    const pageSize = options.batchSize ?? 5000;
    const applied = new AppliedCounts(projections);
    position = await replayLog({
      store,
      after: position,
      eventTypes,
      pageSize,
      apply: async (events) => applied.add(await applyPage(fresh, projections, { store, copy: copier.copy }, events)),
      onPage: (count) => {
        processed += count;
        report('replaying');
      },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Rows a projection kept in memory go to the fresh tables now; it writes through from here on.
    // Then every index dropped for the replay is built, two at a time. One after the other, not a
    // projection's indexes beside another's flush: building them on every projection's connections
    // at once asked the pool for more connections than it has, and at national size, where one
    // index takes minutes, a wait for a connection timed out and failed the whole rebuild.
    for (const owing of rebuilding) {
      if (owing) await fresh.transaction().execute((trx) => owing.flush(trx));
    }
    await buildIndexes(fresh, deferred);
    report('switching');
    position = await swapIn({
      main,
      fresh,
      store,
      projections,
      eventTypes,
      pageSize,
      position,
      applied,
      processedRef: (n) => (processed += n),
    });
    const seconds = (performance.now() - started) / 1000;
    report('done');
    return { events: processed, seconds, eventsPerSecond: processed / seconds, position };
  } finally {
    await fresh.destroy();
    await sql`DROP SCHEMA IF EXISTS ${sql.id(REBUILD_SCHEMA)} CASCADE`.execute(main).catch(() => {});
    await main.destroy();
  }
}
