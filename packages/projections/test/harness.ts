import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { type Kysely, sql } from 'kysely';
import {
  createHouseholdProjection,
  createReadModelDb,
  migrateReadModels,
  type OnProjectionError,
  type Projection,
  Projector,
  type ReadModelDatabase,
} from '../src/index.js';

export interface Harness {
  database: TestDatabase;
  store: PostgresEventStore;
  db: Kysely<ReadModelDatabase>;
  close(): Promise<void>;
}

/** A database of its own with the event store and the read models migrated. */
export async function openHarness(name: string): Promise<Harness> {
  const database = await createTestDatabase(name);
  const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
  const db = createReadModelDb(database.url);
  await migrateEventStore(store.pool);
  await migrateReadModels(db);
  return {
    database,
    store,
    db,
    async close() {
      await store.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/**
 * Runs the projection through the real projector until it has reached the head of the log. By
 * default a new projection instance, so nothing is remembered between calls (as after a restart):
 * households are folded again from their streams in the event store.
 */
export async function catchUp(
  h: Harness,
  options: { batchSize?: number; projection?: Projection; onEventError?: OnProjectionError } = {},
): Promise<void> {
  const projection = options.projection ?? createHouseholdProjection();
  let failure: unknown;
  const projector = new Projector({
    store: h.store,
    db: h.db,
    projections: [projection],
    batchSize: options.batchSize ?? 500,
    onEventError: options.onEventError ?? 'stop',
    onFailure: (_name, err) => {
      failure = err;
    },
  });
  projector.start();
  const head = await h.store.headPosition();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const [status] = projector.status();
    if (failure) break;
    if (status?.position && head && h.store.comparePositions(status.position, head) >= 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await projector.stop();
  if (failure) throw failure;
}

/** Every row of every table the household projection owns, in a stable order. */
export async function snapshot(db: Kysely<ReadModelDatabase>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const tables: Array<[string, string]> = [
    ['household_status', 'household_id'],
    ['household_national_ids', 'household_id, member_key'],
    ['support_ledger', 'event_id'],
    ['unit_year_stats', 'unit_code, year'],
    ['relapse_episodes', 'household_id, escape_event_id'],
    ['list_spells', 'household_id, spell_no'],
    ['list_movements', 'household_id, movement_no'],
  ];
  for (const [table, order] of tables) {
    const result = await sql`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(order)}`.execute(db);
    out[table] = result.rows;
  }
  return out;
}
