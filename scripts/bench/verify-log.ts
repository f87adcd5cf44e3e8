/**
 * `pnpm bench verify-log`: verifying the whole log against its signed checkpoint, in one run on the
 * same server. Seeds at least 1,000,000 events of the synthetic population (BENCH_VERIFY_EVENTS to
 * change it) through the event store into a scratch database, builds the log's Merkle tree and signs a
 * checkpoint (timed: what the checkpointer costs), then times:
 * - the baseline: reading every event once, in the same keyset pages and columns verify reads, with
 *   no hashing — the floor any full check stands on;
 * - `verifyLog`: every content hash, chain and head recomputed, every leaf rebuilt from its event, the
 *   root compared with the signed one and the signature checked.
 * Prints a summary; the last line is one JSON object.
 */
import { eventColumns, LogCheckpointer, PostgresEventStore, signingKeyFrom, verifyLog } from '@benvung/event-store';
import pg from 'pg';
import { openBenchDatabase } from './lib/bench-database.js';
import { round } from './lib/measure.js';
import { seedLog } from './lib/seed-log.js';

const TARGET_EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const PAGE = 5000;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** The baseline: every event read once along (stream_id, version), as verify's first pass reads them. */
async function readEveryEvent(pool: pg.Pool): Promise<number> {
  let rows = 0;
  let after: [string, number] | undefined;
  const columns = eventColumns('e');
  for (;;) {
    const page = await pool.query<{ stream_id: string; version: number }>(
      after
        ? {
            text: `SELECT ${columns} FROM es_events e WHERE (e.stream_id, e.version) > ($2, $3)
                   ORDER BY e.stream_id, e.version LIMIT $1`,
            values: [PAGE, ...after],
          }
        : { text: `SELECT ${columns} FROM es_events e ORDER BY e.stream_id, e.version LIMIT $1`, values: [PAGE] },
    );
    rows += page.rows.length;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < PAGE) return rows;
    after = [last.stream_id, last.version];
  }
}

async function main() {
  const db = await openBenchDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const store = new PostgresEventStore({ connectionString: db.url, maxPoolSize: 2 });
  try {
    const server = (await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v;
    console.log(`PostgreSQL ${server} (${db.description})`);
    console.log(`seeding at least ${TARGET_EVENTS.toLocaleString('en')} events (seed ${SEED}) …`);
    const seeded = await seedLog(db.url, pool, db.name, TARGET_EVENTS, SEED);
    await pool.query('VACUUM (ANALYZE) es_events');
    const key = signingKeyFrom(crypto.getRandomValues(new Uint8Array(32)));
    const tree = await timed(() =>
      new LogCheckpointer({ store, pool: store.pool, secretKey: key.secretKey, batchSize: 5000 }).extend({
        sign: true,
      }),
    );
    const signed = tree.value.at(-1);
    if (!signed) throw new Error('no checkpoint was signed');
    await pool.query('VACUUM (ANALYZE) es_log_leaves');
    const baseline = await timed(() => readEveryEvent(pool));
    const verified = await timed(() => verifyLog(store.pool, { publicKey: key.publicKey, pageSize: PAGE }));
    if (!verified.value.valid)
      throw new Error(`the seeded log does not verify: ${JSON.stringify(verified.value.problems)}`);
    const events = verified.value.events;
    const rate = (seconds: number) => round(events / seconds);
    const ratio = verified.seconds / baseline.seconds;
    const size = (
      await pool.query<{ leaves: string; tiles: string; checkpoints: string; events: string }>(
        `SELECT pg_total_relation_size('es_log_leaves') AS leaves, pg_total_relation_size('es_log_tiles') AS tiles,
                pg_total_relation_size('es_log_checkpoints') AS checkpoints, pg_total_relation_size('es_events') AS events`,
      )
    ).rows[0];
    const bytesPerEvent = (b: string | undefined) => round(Number(b ?? 0) / events, 1);
    console.log('');
    console.log(`seeded ${seeded.events} events of ${seeded.households} households in ${seeded.seconds.toFixed(1)} s`);
    console.log(
      `tree built and signed       ${tree.seconds.toFixed(2).padStart(7)} s ${String(rate(tree.seconds)).padStart(8)} events/s`,
    );
    console.log(
      `baseline: read every event  ${baseline.seconds.toFixed(2).padStart(7)} s ${String(rate(baseline.seconds)).padStart(8)} events/s`,
    );
    console.log(
      `verify-log (full)           ${verified.seconds.toFixed(2).padStart(7)} s ${String(rate(verified.seconds)).padStart(8)} events/s  ratio to baseline ${ratio.toFixed(2)}×`,
    );
    console.log(
      `tree tables: ${bytesPerEvent(size?.leaves)} bytes/event (leaves), es_events ${bytesPerEvent(size?.events)} bytes/event`,
    );
    console.log(
      JSON.stringify({
        bench: 'verify-log',
        events,
        streams: verified.value.streams,
        treeSeconds: round(tree.seconds, 2),
        treeEventsPerSecond: rate(tree.seconds),
        baselineReadSeconds: round(baseline.seconds, 2),
        baselineReadEventsPerSecond: rate(baseline.seconds),
        verifySeconds: round(verified.seconds, 2),
        verifyEventsPerSecond: rate(verified.seconds),
        ratioToRead: round(ratio, 2),
        leafBytesPerEvent: bytesPerEvent(size?.leaves),
        eventBytesPerEvent: bytesPerEvent(size?.events),
        checkpoint: { treeSize: signed.treeSize, keyId: signed.keyId },
        server: { version: server, source: db.description },
      }),
    );
  } finally {
    await store.close();
    await pool.end();
    await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
