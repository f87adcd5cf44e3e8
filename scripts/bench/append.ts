/**
 * `pnpm bench append`: the PostgreSQL event store against raw SQL on the same server, in one run.
 * Baselines: single-row INSERT (autocommit: the same transaction boundaries as an append) at 1 and 8
 * clients, a 100-row multi-row INSERT, a SELECT of a 1,000-row stream — on a table shaped like ours.
 * Ours: append of 1 event with an exact expected version at 1 and 8 clients, append of 100 events,
 * readStream of 1,000 events. Prints a table; the last line is one JSON object with every figure.
 */
import { randomUUID } from 'node:crypto';
import { type EventToAppend, migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import pg from 'pg';
import { openBenchDatabase } from './lib/bench-database.js';
import { comparePair, type Scenario } from './lib/measure.js';
import { type EventPayload, RAW_TABLE_DDL, rawInsert, rawSelectStream } from './lib/raw-events.js';
import { type Outcome, printHeader, printPair } from './lib/report.js';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const WARMUP_MS = 400;
const CLIENTS = 8;
const TARGETS = { append1: 0.7, append1At8Clients: 0.7, append100: 0.5, readStream1000: 0.7 } as const;

/** A support action as the gateway records it: a realistic size for data and metadata. */
function payload(): EventPayload {
  return {
    type: 'SupportActionRecorded',
    data: {
      actionId: randomUUID(),
      kind: 'training',
      action: 'enrolled',
      course: 'Kỹ thuật trồng lúa',
      provider: 'Trung tâm khuyến nông huyện',
      occurredAt: '2025-10-01',
    },
    metadata: { actorId: 'bench-user', actorRole: 'case_worker', correlationId: randomUUID() },
    occurredAt: new Date('2025-10-01T00:00:00Z'),
  };
}

function toAppend(p: EventPayload): EventToAppend {
  return {
    eventId: randomUUID(),
    type: p.type,
    schemaVersion: 1,
    data: p.data,
    metadata: p.metadata as EventToAppend['metadata'],
    occurredAt: p.occurredAt,
  };
}

const batch = (n: number) => Array.from({ length: n }, payload);

/** Every client writes streams of its own, so the figures measure cost, not conflicts. */
function versions(prefix: string) {
  const next = new Map<number, number>();
  return {
    stream: (worker: number) => `${prefix}-${worker}`,
    take(worker: number, n: number): number {
      const current = next.get(worker) ?? 0;
      next.set(worker, current + n);
      return current;
    },
  };
}

function rawInsertScenario(pool: pg.Pool, name: string, clients: number, rows: number): Scenario {
  const v = versions(`raw-${rows}x${clients}`);
  return {
    name,
    clients,
    eventsPerOp: rows,
    op: (w) => rawInsert(pool, v.stream(w), v.take(w, rows) + 1, batch(rows)),
  };
}

function appendScenario(store: PostgresEventStore, name: string, clients: number, events: number): Scenario {
  const v = versions(`ours-${events}x${clients}`);
  return {
    name,
    clients,
    eventsPerOp: events,
    op: async (w) => {
      await store.appendToStream(v.stream(w), batch(events).map(toAppend), { expectedVersion: v.take(w, events) });
    },
  };
}

async function main() {
  const db = await openBenchDatabase();
  const raw = new pg.Pool({ connectionString: db.url, max: CLIENTS });
  const store = new PostgresEventStore({ connectionString: db.url, maxPoolSize: CLIENTS });
  try {
    await migrateEventStore(store.pool);
    await raw.query(RAW_TABLE_DDL);
    const settings = await raw.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit')`,
    );
    const server = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    console.log(
      `PostgreSQL ${server.server_version} (${db.description}), fsync=${server.fsync}, synchronous_commit=${server.synchronous_commit}`,
    );

    for (let i = 0; i < 10; i++) {
      await rawInsert(raw, 'read-1000', i * 100 + 1, batch(100));
      await store.appendToStream('read-1000', batch(100).map(toAppend), { expectedVersion: i * 100 });
    }
    const options = { rounds: ROUNDS, roundMs: ROUND_MS, warmupMs: WARMUP_MS };
    const pairs: Array<[string, Scenario, Scenario, number]> = [
      [
        'append1',
        rawInsertScenario(raw, 'raw INSERT 1 row', 1, 1),
        appendScenario(store, 'append 1 event', 1, 1),
        TARGETS.append1,
      ],
      [
        'append1At8Clients',
        rawInsertScenario(raw, 'raw INSERT 1 row', CLIENTS, 1),
        appendScenario(store, 'append 1 event', CLIENTS, 1),
        TARGETS.append1At8Clients,
      ],
      [
        'append100',
        rawInsertScenario(raw, 'raw INSERT 100 rows', 1, 100),
        appendScenario(store, 'append 100 events', 1, 100),
        TARGETS.append100,
      ],
      [
        'readStream1000',
        {
          name: 'raw SELECT 1,000 rows',
          clients: 1,
          eventsPerOp: 1000,
          op: () => rawSelectStream(raw, 'read-1000').then(() => {}),
        },
        {
          name: 'readStream 1,000 events',
          clients: 1,
          eventsPerOp: 1000,
          op: () => store.readStream('read-1000').then(() => {}),
        },
        TARGETS.readStream1000,
      ],
    ];

    const results: Record<string, Outcome> = {};
    printHeader();
    for (const [key, baseline, ours, target] of pairs) {
      const measured = await comparePair(baseline, ours, options);
      results[key] = { ...measured, target, met: measured.medianRoundRatio >= target };
      printPair(baseline, ours, results[key]);
    }
    const ratios = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.medianRoundRatio]));
    console.log(
      JSON.stringify({
        bench: 'append',
        server: { ...server, source: db.description },
        roundMs: ROUND_MS,
        rounds: ROUNDS,
        ratioIs: 'median over rounds of ours/baseline, each round measured back to back',
        results,
        ratios,
        allTargetsMet: Object.values(results).every((r) => r.met),
      }),
    );
  } finally {
    await store.close();
    await raw.end();
    await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
