import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allProjections,
  createReadModelDb,
  Projector,
  type ReadModelDatabase,
  rebuildProjections,
} from '../src/index.js';
import { CopyWriter } from '../src/sql/copy.js';
import { type Harness, openHarness } from './harness.js';
import { appendYear, PHASES, SyntheticHousehold } from './synthetic-population.js';

let h: Harness;

/** Each table of every projection, in the order of its key. */
const TABLES: Array<[string, string]> = [
  ['household_status', 'household_id'],
  ['household_national_ids', 'household_id, member_key'],
  ['support_ledger', 'event_id'],
  ['unit_year_stats', 'unit_code, year'],
  ['relapse_episodes', 'household_id, escape_event_id'],
  ['list_spells', 'household_id, spell_no'],
  ['list_movements', 'household_id, movement_no'],
  ['review_history', 'household_id, event_id'],
  ['late_changes', 'event_id'],
  ['unit_figures', 'event_id'],
  ['unit_targets', 'event_id'],
];

async function everyTable(db: Kysely<ReadModelDatabase>) {
  const rows: Record<string, unknown[]> = {};
  for (const [table, order] of TABLES) {
    rows[table] = (await sql`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(order)}`.execute(db)).rows;
  }
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename = ANY(${TABLES.map(([t]) => t)}::text[]) ORDER BY indexname`.execute(db);
  const constraints = await sql<{ table: string; conname: string; definition: string }>`
    SELECT t.relname AS "table", c.conname, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY(${TABLES.map(([t]) => t)}::text[])
    ORDER BY t.relname, c.conname`.execute(db);
  return { rows, indexes: indexes.rows, constraints: constraints.rows };
}

/** Every projection through the real projector, in small batches, until each has reached the head. */
async function projectLive(): Promise<void> {
  let failure: unknown;
  const projector = new Projector({
    store: h.store,
    db: h.db,
    projections: allProjections,
    batchSize: 97,
    onEventError: 'stop',
    onFailure: (_name, err) => {
      failure = err;
    },
  });
  projector.start();
  const head = await h.store.headPosition();
  const deadline = Date.now() + 30_000;
  const caughtUp = () =>
    projector.status().every((s) => s.position && head && h.store.comparePositions(s.position, head) >= 0);
  while (!failure && !caughtUp() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await projector.stop();
  if (failure) throw failure;
  expect(caughtUp()).toBe(true);
}

beforeAll(async () => {
  h = await openHarness('rebuild_matches_live');
  // Written year by year, so pages of the log mix households; with corrections, moves and closures,
  // reviews recorded years after they took effect (late changes) and a unit's figures and targets.
  const households = Array.from({ length: 150 }, (_, i) => new SyntheticHousehold(9_000 + i));
  for (const year of PHASES) {
    await appendYear(h.store, households, year);
    await h.store.appendToStream(
      'unit-figures-96',
      [
        {
          type: 'UnitFiguresRecorded',
          data: { unitCode: '96', year, households: 226_000 + year, source: 'Niên giám', reason: 'Số\tchính\nthức' },
          metadata: { actorId: 'supervisor-96', actorRole: 'supervisor' },
          occurredAt: new Date(`${year}-12-20T03:00:00Z`),
        },
        {
          type: 'UnitTargetSet',
          data: { unitCode: '96', year, list: 'poor', kind: 'rate_reduction_points', value: 1 },
          metadata: { actorId: 'supervisor-96', actorRole: 'supervisor' },
          occurredAt: new Date(`${year}-12-20T03:00:00Z`),
        },
      ],
      { expectedVersion: 'any' },
    );
  }
});
afterAll(async () => {
  await h?.close();
});

describe('a rebuild of every projection', () => {
  it('gives, table by table, the rows and indexes live projection gives', async () => {
    await projectLive();
    const live = await everyTable(h.db);
    for (const table of ['review_history', 'late_changes', 'support_ledger', 'list_movements', 'unit_figures']) {
      expect(live.rows[table]?.length, table).toBeGreaterThan(0);
    }
    // Small pages: many of them, each projection at its own pace (rebuild/lanes.ts).
    await rebuildProjections({
      store: h.store,
      connectionString: h.database.url,
      projections: allProjections,
      batchSize: 53,
    });
    const rebuilt = await everyTable(h.db);
    for (const [table] of TABLES) expect(rebuilt.rows[table], table).toEqual(live.rows[table]);
    // The indexes and keys dropped for the replay are back, as the migrations define them.
    expect(rebuilt.indexes).toEqual(live.indexes);
    expect(rebuilt.constraints).toEqual(live.constraints);
    expect(live.constraints.map((c) => c.conname)).toContain('late_changes_pkey');
  }, 60_000);
});

describe('COPY into a table (sql/copy.ts)', () => {
  it('stores what it is given: nulls, tabs, newlines, backslashes, JSON with quotes', async () => {
    const copier = new CopyWriter();
    const db = createReadModelDb(h.database.url, { max: 1, onConnect: (client) => copier.register(client) });
    try {
      await sql`CREATE TABLE copy_check (id integer, label text, at timestamptz, yes boolean, doc jsonb)`.execute(db);
      type Row = { id: number; label: string | null; at: Date | null; yes: boolean; doc: unknown };
      const rows: Row[] = [
        { id: 1, label: 'a\tb\nc\\d\re', at: new Date('2026-01-02T03:04:05.678Z'), yes: true, doc: ['x"y', 'z\\w'] },
        { id: 2, label: null, at: null, yes: false, doc: { n: 'Nguyễn\tVăn' } },
        { id: 3, label: '\\N', at: new Date(0), yes: true, doc: [] },
      ];
      await db.transaction().execute((trx) =>
        copier.copy(
          trx,
          {
            table: 'copy_check' as keyof ReadModelDatabase,
            columns: [
              ['id', 'integer'],
              ['label', 'text'],
              ['at', 'timestamptz'],
              ['yes', 'boolean'],
              ['doc', 'json'],
            ],
            key: ['id'],
          },
          rows,
        ),
      );
      const back = await sql<Row>`SELECT id, label, at, yes, doc FROM copy_check ORDER BY id`.execute(db);
      expect(back.rows).toEqual(rows);
    } finally {
      await db.destroy();
    }
  });
});
