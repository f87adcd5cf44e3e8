/**
 * `pnpm seed [--households N] [--seed S] [--concurrency C]`: writes a deterministic synthetic population
 * (households of the demo communes with reviews 2022–2026, support, notes, corrections) through the
 * event store: the same N and S always give the same events. The database is DATABASE_URL, else the
 * embedded server of DATA_DIR (.data). A running projector picks the events up; otherwise
 * `pnpm projections rebuild` fills the read models.
 */
import { parseArgs } from 'node:util';
import { openLocalDatabase } from '@benvung/embedded-pg';
import { analyzeEventLog, migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { SingleBar } from 'cli-progress';
import { seedPopulation } from './seed/index.js';

const usage = 'usage: pnpm seed [--households N (default 1000)] [--seed S (default 1)] [--concurrency C (default 12)]';

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}\n${usage}`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const households = wholeNumber('households', values.households, 1000, 1);
  const seed = wholeNumber('seed', values.seed, 1, 0);
  const concurrency = wholeNumber('concurrency', values.concurrency, 12, 1);
  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url, maxPoolSize: concurrency });
  const bar = new SingleBar({
    format: 'seed |{bar}| {value}/{total} households | {events} events | {speed} events/s | ETA {eta_formatted}',
    etaBuffer: 200,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  try {
    await migrateEventStore(store.pool);
    bar.start(households, 0, { events: 0, speed: 0 });
    const result = await seedPopulation({
      store,
      households,
      seed,
      concurrency,
      onProgress: (p) => bar.update(p.households, { events: p.events, speed: Math.round(p.eventsPerSecond) }),
    });
    bar.stop();
    // A bulk load: the planner's statistics on the log are stale or missing now (autovacuum may be
    // off, or not have come round yet), and projectors catching up read the log filtered by type.
    await analyzeEventLog(store.pool);
    console.log(result.stats.lines().join('\n'));
    const refused = Object.entries(result.stats.refused);
    if (refused.length > 0) {
      console.log(`commands refused by the decider (skipped): ${refused.map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
    if (result.alreadyStored > 0) {
      console.log(`${result.alreadyStored} household(s) were already stored with the same events: nothing appended`);
    }
    console.log(
      `seeded ${result.households} households (seed ${seed}), ${result.events} events in ` +
        `${result.seconds.toFixed(1)} s (${Math.round(result.eventsPerSecond)} events/s)`,
    );
  } finally {
    bar.stop();
    await store.close();
    await local.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
