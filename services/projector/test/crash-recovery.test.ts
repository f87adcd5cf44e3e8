import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { encodeHouseholdEvent, householdStreamId } from '@benvung/domain';
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
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', PROJECTOR_BATCH_SIZE: '50' },
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
      for (let start = 0; start < households; start += 500) {
        await Promise.all(
          Array.from({ length: 500 }, async (_, i) => {
            const householdId = randomUUID();
            const encoded = encodeHouseholdEvent({
              type: 'HouseholdRegistered',
              data: {
                householdId,
                head: { fullName: `Hộ ${start + i}` },
                memberCount: 1 + ((start + i) % 7),
                area: (start + i) % 4 ? 'rural' : 'urban',
                unitCode: ['96001', '86010', '44020'][(start + i) % 3] ?? '96001',
                registeredOn: '2024-01-15',
              },
            });
            await store.appendToStream(
              householdStreamId(householdId),
              [{ ...encoded, occurredAt: new Date('2024-01-15'), metadata: { actorId: 'seed', actorRole: 'system' } }],
              { expectedVersion: 'no_stream' },
            );
          }),
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

      await rebuildProjections({ store, connectionString: database.url, projections: allProjections });
      expect(await dumpReadModels(database.url)).toEqual(afterCrashes);
    } finally {
      await store.close();
      await db.destroy();
      await database.drop();
    }
  });
});
