/**
 * A rough measure of `rebuildProjections` over a synthetic log (not the project's `pnpm bench`):
 *
 *   [DATABASE_URL=…] node --import tsx packages/projections/test/bench/rebuild-throughput.ts [events]
 *
 * Writes about `events` events (default 1,000,000) through the PostgreSQL event store — year by year
 * across all households, so that one page of the log touches thousands of households (the hard case
 * for a fold), or with BENCH_LAYOUT=contiguous each household's history in one append — then times
 * one plain read of the log and one full rebuild of every projection; the last line is JSON.
 * DATABASE_URL names a database to use (kept: when it already holds events, only the timings run);
 * without it a throw-away server is started. BENCH_STORE=own reads through the store's own readAll
 * (see indexed-read-store.ts), BENCH_BATCH sets the rebuild's page size, BENCH_SKIP_READ=1 skips
 * the plain read.
 */
import { householdStreamId } from '@benvung/domain';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { provisionPostgres } from '@benvung/testkit';
import { sql } from 'kysely';
import { allProjections, createReadModelDb, migrateReadModels, rebuildProjections } from '../../src/index.js';
import { withIndexedReadAll } from './indexed-read-store.js';
import { type GeneratedAppend, PHASES, SyntheticHousehold } from './population.js';

const target = Number(process.argv[2] ?? 1_000_000);
const server = await provisionPostgres();
const url = server.adminUrl;
const store = new PostgresEventStore({ connectionString: url, maxPoolSize: 8 });
const db = createReadModelDb(url, { max: 2 });

async function appendAll(appends: GeneratedAppend[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < appends.length; i = next++) {
      const a = appends[i] as GeneratedAppend;
      if (a.events.length === 0) continue;
      await store.appendToStream(
        householdStreamId(a.householdId),
        a.events.map((e) => ({ ...e, metadata: { actorId: 'bench', actorRole: 'case_worker' } })),
        { expectedVersion: a.expectedVersion === 0 ? 'no_stream' : a.expectedVersion },
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

try {
  await migrateEventStore(store.pool);
  await migrateReadModels(db);
  const existing = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM es_events`.execute(db)).rows[0]?.n);
  if (existing === 0) {
    const started = performance.now();
    // About 14 events per household over the four years.
    const households = Array.from({ length: Math.ceil(target / 14.2) }, (_, i) => new SyntheticHousehold(i + 1));
    let written = 0;
    // BENCH_LAYOUT=contiguous writes each household's whole history in one append (the easy case).
    if (process.env.BENCH_LAYOUT === 'contiguous') {
      const appends = households.map((h) => {
        const events = PHASES.flatMap((year) => h.phase(year).events);
        return { householdId: h.id, expectedVersion: 0, events };
      });
      written = appends.reduce((n, a) => n + a.events.length, 0);
      await appendAll(appends);
    } else {
      for (const year of PHASES) {
        const appends = households.map((h) => h.phase(year));
        written += appends.reduce((n, a) => n + a.events.length, 0);
        await appendAll(appends);
        console.error(`${year}: ${written} events written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  }
  const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM es_events`.execute(db)).rows[0]?.n);
  const reader = process.env.BENCH_STORE === 'own' ? store : withIndexedReadAll(store);
  let started = performance.now();
  let position: string | undefined;
  while (process.env.BENCH_SKIP_READ !== '1') {
    const p = await reader.readAll({ ...(position ? { after: position } : {}), maxCount: 5000 });
    position = p.position;
    if (p.endOfLog) break;
  }
  const readSeconds = process.env.BENCH_SKIP_READ === '1' ? undefined : (performance.now() - started) / 1000;
  started = performance.now();
  const result = await rebuildProjections({
    store: reader,
    connectionString: url,
    projections: allProjections,
    ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
    onProgress: (p) => {
      if (p.processed % 100_000 < 5000) console.error(`${p.processed} events, ${Math.round(p.eventsPerSecond)}/s`);
    },
  });
  console.log(
    JSON.stringify({
      events: total,
      reader: process.env.BENCH_STORE === 'own' ? 'store' : 'indexed',
      ...(readSeconds ? { readAllSeconds: Number(readSeconds.toFixed(1)) } : {}),
      ...(readSeconds ? { readAllEventsPerSecond: Math.round(total / readSeconds) } : {}),
      rebuildSeconds: Number(result.seconds.toFixed(1)),
      rebuildEventsPerSecond: Math.round(result.eventsPerSecond),
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
} finally {
  await store.close();
  await db.destroy();
  await server.stop();
}
