import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { SingleBar } from 'cli-progress';
import type pg from 'pg';
import { generateHousehold, seedPopulation } from '../../seed/index.js';

const CONCURRENCY = 8;

/** Households enough for the target, from the events per household of a sample. */
function householdsFor(events: number, SEED: number): number {
  const sample = 2000;
  let generated = 0;
  for (let i = 0; i < sample; i++) generated += generateHousehold(SEED, i).events.length;
  return Math.ceil((events / (generated / sample)) * 1.01);
}

/**
 * Seeds at least `TARGET_EVENTS` events of the synthetic population through the event store (so every
 * hash, head and index is what production writes), with synchronous_commit off for the seeding only.
 */
export async function seedLog(url: string, pool: pg.Pool, database: string, TARGET_EVENTS: number, SEED: number) {
  // Only the seeding runs without waiting for WAL flushes; the timed phases use the defaults.
  await pool.query(`ALTER DATABASE ${database} SET synchronous_commit = off`);
  const store = new PostgresEventStore({ connectionString: url, maxPoolSize: CONCURRENCY });
  const bar = new SingleBar({
    format: 'seed |{bar}| {value}/{total} households | {events} events | {speed} events/s | ETA {eta_formatted}',
    etaBuffer: 500,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  try {
    await migrateEventStore(store.pool);
    let households = householdsFor(TARGET_EVENTS, SEED);
    let firstIndex = 0;
    let events = 0;
    let seconds = 0;
    let stats: Awaited<ReturnType<typeof seedPopulation>>['stats'] | undefined;
    while (events < TARGET_EVENTS) {
      bar.start(firstIndex + households, firstIndex, { events, speed: 0 });
      const base = { index: firstIndex, events };
      const result = await seedPopulation({
        store,
        households,
        seed: SEED,
        firstIndex,
        concurrency: CONCURRENCY,
        onProgress: (p) =>
          bar.update(base.index + p.households, {
            events: base.events + p.events,
            speed: Math.round(p.eventsPerSecond),
          }),
      });
      bar.stop();
      stats ??= result.stats;
      firstIndex += households;
      events += result.events;
      seconds += result.seconds;
      households = Math.ceil(households * 0.05);
    }
    return { households: firstIndex, events, seconds, stats };
  } finally {
    bar.stop();
    await store.close();
    await pool.query(`ALTER DATABASE ${database} RESET synchronous_commit`);
  }
}
