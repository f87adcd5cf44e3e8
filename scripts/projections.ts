/**
 * `pnpm projections rebuild [name ...]`: replays the log from zero into fresh tables and swaps them in
 * when caught up, while the gateway keeps serving the old ones. `pnpm projections status`: checkpoints
 * and dead letters.
 */
import { openLocalDatabase } from '@benvung/embedded-pg';
import { analyzeEventLog, migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { loadGeography } from '@benvung/geography';
import { createAllProjections, createReadModelDb, migrateReadModels, rebuildProjections } from '@benvung/projections';
import { SingleBar } from 'cli-progress';
import { sql } from 'kysely';
import { demoUnitsFromEnv } from './lib/demo-units.js';

// The registry the live projector reads units from: the national lists, and the demo units with DEMO_UNITS.
const demo = demoUnitsFromEnv();
const allProjections = createAllProjections((await loadGeography({ demo })).registry);

const usage = `usage: pnpm projections rebuild [${allProjections.map((p) => p.name).join('|')} ...]
       pnpm projections status`;

async function main() {
  const [command, ...names] = process.argv.slice(2);
  if (command !== 'rebuild' && command !== 'status') throw new Error(usage);
  const local = await openLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
  });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url });
  const db = createReadModelDb(local.url, { max: 2 });
  try {
    const { analysed } = await migrateEventStore(store.pool);
    await migrateReadModels(db);
    if (command === 'status') {
      const rows = await sql<{ name: string; position: string | null; events_processed: string; dead: number }>`
        SELECT c.name, c.position, c.events_processed,
               (SELECT count(*)::int FROM projection_dead_letter d WHERE d.projection = c.name) AS dead
        FROM projection_checkpoint c ORDER BY c.name`.execute(db);
      console.table(rows.rows);
      // The latest dead letters, so an operator sees what failed without writing SQL. Once the cause
      // is fixed, a rebuild of the projection applies them again.
      const dead = await sql<{
        projection: string;
        stream_id: string;
        version: number;
        event_type: string;
        error: string;
      }>`
        SELECT projection, stream_id, version, event_type, left(error, 160) AS error
        FROM projection_dead_letter ORDER BY id DESC LIMIT 20`.execute(db);
      if (dead.rows.length > 0) {
        console.log('latest dead letters (after fixing the cause: pnpm projections rebuild <name>):');
        console.table(dead.rows);
      }
      return;
    }
    const unknown = names.filter((n) => !allProjections.some((p) => p.name === n));
    if (unknown.length > 0) throw new Error(`unknown projection(s): ${unknown.join(', ')}\n${usage}`);
    const projections = names.length > 0 ? allProjections.filter((p) => names.includes(p.name)) : allProjections;
    // Fresh statistics first, not only missing ones (a log that grew since its last ANALYZE): about a
    // second, against a rebuild's minutes. Unless the migration has just made them.
    if (!analysed) await analyzeEventLog(store.pool);
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM es_events`.execute(db)).rows[0]?.n ?? 0);
    const bar = new SingleBar({
      format: 'rebuild {names} |{bar}| {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
      etaBuffer: 50,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    });
    bar.start(total, 0, { names: projections.map((p) => p.name).join('+'), speed: 0 });
    const result = await rebuildProjections({
      store,
      connectionString: local.url,
      projections,
      total,
      onProgress: (p) => bar.update(p.processed, { speed: Math.round(p.eventsPerSecond) }),
    });
    bar.stop();
    console.log(
      `rebuilt ${projections.map((p) => p.name).join(', ')}: ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.eventsPerSecond)} events/s)`,
    );
  } finally {
    await store.close();
    await db.destroy();
    await local.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
