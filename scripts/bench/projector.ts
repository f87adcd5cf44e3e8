/**
 * `pnpm bench projector`: what one batch costs the live household projection when it holds the batch's
 * households in memory (the baseline, warm) and when it does not (ours, cold: after a restart, or for
 * households its cache let go), when it folds each household again from its stream in the event store.
 * Seeds BENCH_PROJECTOR_HOUSEHOLDS households (default 20,000) into a scratch database, fills the read
 * models with a rebuild, then in each round takes 500 households no round used before: appends a note
 * to each and applies that batch with a new projection instance (cold), then a second note to each,
 * applied by the same instance (warm). Each batch commits, as the projector's do. Prints the median
 * batch of each kind; the last line is one JSON object.
 */
import { encodeHouseholdEvent, householdStreamId } from '@benvung/domain';
import { migrateEventStore, PostgresEventStore, type RecordedEvent } from '@benvung/event-store';
import {
  allProjections,
  createHouseholdProjection,
  createReadModelDb,
  migrateReadModels,
  type Projection,
  type ReadModelDatabase,
  rebuildProjections,
} from '@benvung/projections';
import { type Kysely, sql } from 'kysely';
import { seedPopulation } from '../seed/index.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { round } from './lib/measure.js';

const HOUSEHOLDS = Number(process.env.BENCH_PROJECTOR_HOUSEHOLDS ?? 20_000);
const BATCH = 500;
const ROUNDS = Math.min(15, Math.floor(HOUSEHOLDS / BATCH));

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Appends a note to each household at its current version; returns the notes as recorded. */
async function appendNotes(
  store: PostgresEventStore,
  db: Kysely<ReadModelDatabase>,
  ids: readonly string[],
  occurredOn: string,
): Promise<RecordedEvent[]> {
  const versions = await db
    .selectFrom('household_status')
    .select(['household_id', 'version'])
    .where('household_id', 'in', ids)
    .execute();
  const before = await store.headPosition();
  await Promise.all(
    versions.map(({ household_id, version }) => {
      const note = encodeHouseholdEvent({
        type: 'NoteAdded',
        data: { text: 'Thăm hộ', category: 'visit', occurredOn },
      });
      return store.appendToStream(
        householdStreamId(household_id),
        [{ ...note, occurredAt: new Date(occurredOn), metadata: { actorId: 'bench', actorRole: 'case_worker' } }],
        { expectedVersion: version },
      );
    }),
  );
  // Nothing else writes to this database: the log after `before` is exactly these notes, in order.
  const page = await store.readAll({ ...(before ? { after: before } : {}), maxCount: ids.length });
  return page.events;
}

async function timeBatch(
  db: Kysely<ReadModelDatabase>,
  store: PostgresEventStore,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<number> {
  const t0 = performance.now();
  await db.transaction().execute((trx) => projection.apply(trx, events, { store }));
  return performance.now() - t0;
}

async function main() {
  const bench = await openBenchDatabase();
  const store = new PostgresEventStore({ connectionString: bench.url, maxPoolSize: 8 });
  const db = createReadModelDb(bench.url, { max: 2 });
  try {
    console.log(`PostgreSQL (${bench.description}); seeding ${HOUSEHOLDS} households …`);
    await migrateEventStore(store.pool);
    await migrateReadModels(db);
    const seeded = await seedPopulation({ store, households: HOUSEHOLDS, seed: 1, concurrency: 8 });
    await sql`ANALYZE`.execute(db);
    const rebuilt = await rebuildProjections({ store, connectionString: bench.url, projections: allProjections });
    console.log(`${seeded.events} events; read models rebuilt in ${rebuilt.seconds.toFixed(1)} s`);

    const ids = (await db.selectFrom('household_status').select('household_id').orderBy('household_id').execute()).map(
      (r) => r.household_id,
    );
    const cold: number[] = [];
    const warm: number[] = [];
    let events = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const batch = ids.slice(r * BATCH, (r + 1) * BATCH);
      const projection = createHouseholdProjection();
      const first = await appendNotes(store, db, batch, '2026-11-20');
      cold.push(await timeBatch(db, store, projection, first));
      const second = await appendNotes(store, db, batch, '2026-11-21');
      warm.push(await timeBatch(db, store, projection, second));
      events += first.length + second.length;
    }
    const figures = { warmMs: round(median(warm), 1), coldMs: round(median(cold), 1) };
    const perSecond = (ms: number) => round((BATCH * 1000) / ms);
    console.log('');
    console.log(`batches of ${BATCH} households, one note each; ${ROUNDS} rounds, median batch:`);
    console.log(`  warm (folds in memory, baseline)   ${figures.warmMs} ms  ${perSecond(figures.warmMs)} households/s`);
    console.log(`  cold (folded again from the store) ${figures.coldMs} ms  ${perSecond(figures.coldMs)} households/s`);
    console.log(`  ratio cold/warm time ${round(figures.coldMs / figures.warmMs, 2)}`);
    console.log(
      JSON.stringify({
        bench: 'projector',
        households: HOUSEHOLDS,
        seededEvents: seeded.events,
        batch: BATCH,
        rounds: ROUNDS,
        events,
        warmBatchMs: figures.warmMs,
        coldBatchMs: figures.coldMs,
        warmHouseholdsPerSecond: perSecond(figures.warmMs),
        coldHouseholdsPerSecond: perSecond(figures.coldMs),
        coldToWarmTime: round(figures.coldMs / figures.warmMs, 2),
      }),
    );
  } finally {
    await store.close();
    await db.destroy();
    await bench.release();
  }
}

await main();
