import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allProjections,
  createHouseholdProjection,
  type Projection,
  Projector,
  type ReadModelDatabase,
  rebuildProjections,
} from '../src/index.js';
import { type Harness, openHarness, snapshot } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('transient');
  for (let i = 0; i < 12; i++) {
    const w = new HouseholdWriter(h.store);
    await w.register('96101', '2022-01-10');
    await w.review(i % 2 ? 'poor' : 'near_poor', '2022-02-15');
  }
});
afterAll(async () => {
  await h?.close();
});

/** The household projection, with `before` run inside each batch's transaction before it applies. */
function wrapped(before: (trx: Transaction<ReadModelDatabase>) => Promise<void>): Projection {
  const inner = createHouseholdProjection();
  return {
    name: inner.name,
    version: inner.version,
    eventTypes: inner.eventTypes,
    tables: inner.tables,
    async apply(trx, events, context) {
      await before(trx);
      await inner.apply(trx, events, context);
    },
  };
}

/** A real PostgreSQL error with the given SQLSTATE, raised in the transaction. */
async function raise(trx: Kysely<ReadModelDatabase>, code: string, message: string): Promise<void> {
  await sql.raw(`DO $$ BEGIN RAISE EXCEPTION '${message}' USING ERRCODE = '${code}'; END $$`).execute(trx);
}

async function caughtUp(projector: Projector, timeoutMs = 20_000): Promise<void> {
  const head = await h.store.headPosition();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [status] = projector.status();
    if (status?.failed) throw new Error(`stopped: ${status.lastError}`);
    if (status?.position && head && h.store.comparePositions(status.position, head) >= 0) return;
    if (Date.now() > deadline) throw new Error(`not caught up: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const deadLetters = () => h.db.selectFrom('projection_dead_letter').select('event_id').execute();

async function resetReadModels(): Promise<void> {
  await h.db.deleteFrom('projection_checkpoint').execute();
  for (const table of createHouseholdProjection().tables) await h.db.deleteFrom(table).execute();
}

describe('a projection that fails for a transient cause', () => {
  it('resumes from its checkpoint when its connection is terminated mid-batch, dead-lettering nothing', async () => {
    await resetReadModels();
    let cuts = 3;
    const retries: Array<{ attempt: number; delayMs: number; error: string }> = [];
    const projector = new Projector({
      store: h.store,
      db: h.db,
      batchSize: 5,
      // The connection of the batch's transaction ends under it, as when an operator terminates it.
      projections: [
        wrapped(async (trx) => {
          if (cuts-- > 0) await sql`SELECT pg_terminate_backend(pg_backend_pid())`.execute(trx);
        }),
      ],
      onRetry: (_name, err, attempt, delayMs) =>
        retries.push({ attempt, delayMs, error: err instanceof Error ? err.message : String(err) }),
    });
    projector.start();
    try {
      await caughtUp(projector);
      expect(projector.status()[0]).toMatchObject({ state: 'running', attempts: 0, deadLettered: 0, failed: false });
    } finally {
      await projector.stop();
    }
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    for (const r of retries) expect(r.error).toMatch(/terminat/i);
    expect(retries.every((r, i) => r.delayMs >= 50 * 2 ** i && r.delayMs <= 5000)).toBe(true);
    expect(await deadLetters()).toEqual([]);
    // Every batch applied exactly once: the rows are those of a rebuild from the log.
    const live = await snapshot(h.db);
    await rebuildProjections({ store: h.store, connectionString: h.database.url, projections: allProjections });
    expect(await snapshot(h.db)).toEqual(live);
  }, 60_000);

  it('retries a deadlock with a growing delay, reporting `retrying`, then runs on without dead letters', async () => {
    await resetReadModels();
    let failing = true;
    const projector = new Projector({
      store: h.store,
      db: h.db,
      batchSize: 5,
      projections: [
        wrapped(async (trx) => {
          if (failing) await raise(trx, '40P01', 'deadlock detected');
        }),
      ],
    });
    projector.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((projector.status()[0]?.attempts ?? 0) < 3 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(projector.status()[0]).toMatchObject({
        state: 'retrying',
        caughtUp: false,
        lastError: 'deadlock detected',
        failed: false,
      });
      failing = false;
      await caughtUp(projector);
      expect(projector.status()[0]).toMatchObject({ state: 'running', attempts: 0, lastError: undefined });
    } finally {
      await projector.stop();
    }
    expect(projector.status()[0]?.state).toBe('stopped');
    expect(await deadLetters()).toEqual([]);
  }, 60_000);

  it('stops, and says why, on an error that is not transient when told to stop on errors', async () => {
    await resetReadModels();
    const projector = new Projector({
      store: h.store,
      db: h.db,
      onEventError: 'stop',
      projections: [wrapped((trx) => raise(trx, '42P01', 'relation "gone" does not exist'))],
    });
    projector.start();
    try {
      const deadline = Date.now() + 10_000;
      while (!projector.status()[0]?.failed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(projector.status()[0]).toMatchObject({
        state: 'stopped',
        failed: true,
        lastError: 'relation "gone" does not exist',
      });
    } finally {
      await projector.stop();
    }
  }, 30_000);
});
