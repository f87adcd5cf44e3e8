import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { encodeHouseholdEvent, type HouseholdEvent, householdStreamId } from '@benvung/domain';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import {
  allProjections,
  createReadModelDb,
  migrateReadModels,
  readCheckpoint,
  rebuildProjections,
} from '@benvung/projections';
import { createTestDatabase } from '@benvung/testkit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

const main = new URL('../src/main.ts', import.meta.url).pathname;

function startProjector(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      PROJECTOR_BATCH_SIZE: '50',
      DEMO_UNITS: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Every read-model table as sorted JSON, for comparing two databases' worth of rows. */
async function dumpReadModels(url: string): Promise<Record<string, unknown[]>> {
  const db = createReadModelDb(url, { max: 1 });
  try {
    const dump: Record<string, unknown[]> = {};
    for (const table of allProjections.flatMap((p) => p.tables)) {
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db);
      dump[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
    }
    return dump;
  } finally {
    await db.destroy();
  }
}

describe('projector crash recovery', () => {
  it('killed with SIGKILL at random points during catch-up, then restarted, ends identical to a clean rebuild', {
    timeout: 240_000,
  }, async () => {
    const database = await createTestDatabase('crash');
    const store = new PostgresEventStore({ connectionString: database.url });
    const db = createReadModelDb(database.url, { max: 2 });
    try {
      await migrateEventStore(store.pool);
      await migrateReadModels(db);
      const households = 10_000;
      const ids = Array.from({ length: households }, () => randomUUID());
      const append = (i: number, event: HouseholdEvent, expectedVersion: number, eventId = randomUUID()) =>
        store.appendToStream(
          householdStreamId(ids[i] as string),
          [
            {
              eventId,
              ...encodeHouseholdEvent(event),
              occurredAt: new Date('2024-01-15'),
              metadata: { actorId: 'seed', actorRole: 'system' },
            },
          ],
          { expectedVersion: expectedVersion === 0 ? 'no_stream' : expectedVersion },
        );
      const CHUNK = 500;
      const chunk = (c: number) => Array.from({ length: CHUNK }, (_, k) => c * CHUNK + k);
      const register = (i: number) =>
        append(
          i,
          {
            type: 'HouseholdRegistered',
            data: {
              householdId: ids[i] as string,
              head: { fullName: `Hộ ${i}` },
              memberCount: 1 + (i % 7),
              area: i % 4 ? 'rural' : 'urban',
              unitCode: ['96001', '86010', '44020'][i % 3] ?? '96001',
              registeredOn: '2024-01-15',
            },
          },
          0,
        );
      const cards = ids.map(() => randomUUID());
      const issueCards = (i: number) =>
        append(
          i,
          {
            type: 'HealthInsuranceCardsIssued',
            data: { cardCount: 1 + (i % 5), validUntil: '2024-12-31', occurredOn: '2024-02-01' },
          },
          1,
          cards[i],
        );
      const voidCards = (i: number) =>
        append(
          i,
          {
            type: 'EventVoided',
            data: {
              eventId: cards[i] as string,
              voidedType: 'HealthInsuranceCardsIssued',
              reason: 'nhầm',
              occurredOn: '2024-03-01',
            },
          },
          2,
        );
      // Chunk by chunk, the log registers new households, then issues cards to every second household
      // of the chunk before and voids them for every fourth of the one before that: wherever a kill
      // lands, the restarted projector (holding nothing in memory) soon meets households it applied
      // before, folds each again from its stream, and a void re-derives the ledger from the whole log.
      const chunks = households / CHUNK;
      for (let c = 0; c < chunks + 2; c++) {
        if (c < chunks) await Promise.all(chunk(c).map(register));
        if (c >= 1 && c <= chunks)
          await Promise.all(
            chunk(c - 1)
              .filter((i) => i % 2 === 0)
              .map(issueCards),
          );
        if (c >= 2)
          await Promise.all(
            chunk(c - 2)
              .filter((i) => i % 4 === 0)
              .map(voidCards),
          );
      }
      const head = await store.headPosition();
      expect(head).toBeDefined();

      // Seeded pseudo-random kill times, so a failure can be replayed.
      let seed = 20261122;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const positions: Array<string | undefined> = [];
      for (let kill = 0; kill < 10; kill++) {
        const before = await readCheckpoint(db, 'household_status');
        const child = startProjector(database.url);
        // Kill at a random moment after this run has committed at least one batch: mid-catch-up.
        while ((await readCheckpoint(db, 'household_status')) === before) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, random() * 120));
        child.kill('SIGKILL');
        await exited(child);
        positions.push(await readCheckpoint(db, 'household_status'));
      }
      // Progress was made across kills, and not everything was done before the last one.
      expect(new Set(positions).size).toBe(10);
      expect(positions.at(-1)).not.toBe(head);

      const last = startProjector(database.url);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const checkpoint = await readCheckpoint(db, 'household_status');
        if (checkpoint && head && store.comparePositions(checkpoint, head) >= 0) break;
        if (Date.now() > deadline) throw new Error('projector did not catch up');
        await new Promise((r) => setTimeout(r, 100));
      }
      last.kill('SIGTERM');
      await exited(last);
      const afterCrashes = await dumpReadModels(database.url);
      expect(afterCrashes.household_status).toHaveLength(households);
      // The support ledger: one row per card issue, a quarter of them voided.
      expect(afterCrashes.support_ledger).toHaveLength(households / 2);
      expect(afterCrashes.support_ledger?.filter((r) => String(r).includes('"voided":true'))).toHaveLength(
        households / 4,
      );

      await rebuildProjections({ store, connectionString: database.url, projections: allProjections });
      expect(await dumpReadModels(database.url)).toEqual(afterCrashes);
    } finally {
      await store.close();
      await db.destroy();
      await database.drop();
    }
  });
});
