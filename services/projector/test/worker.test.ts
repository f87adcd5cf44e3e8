import { randomUUID } from 'node:crypto';
import { encodeHouseholdEvent, householdStreamId } from '@benvung/domain';
import { PostgresEventStore } from '@benvung/event-store';
import { createReadModelDb, getHouseholdStatus } from '@benvung/projections';
import { createTestDatabase } from '@benvung/testkit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadProjectorConfig } from '../src/config.js';
import { startProjectorWorker } from '../src/worker.js';

describe('projector worker', () => {
  it('migrates an empty database and projects events appended while it runs', async () => {
    const database = await createTestDatabase('projector');
    const worker = await startProjectorWorker({
      databaseUrl: database.url,
      batchSize: 100,
      logger: pino({ level: 'silent' }),
    });
    const store = new PostgresEventStore({ connectionString: database.url });
    const db = createReadModelDb(database.url);
    try {
      const householdId = randomUUID();
      const encoded = encodeHouseholdEvent({
        type: 'HouseholdRegistered',
        data: {
          householdId,
          head: { fullName: 'Võ Thị Em' },
          memberCount: 2,
          area: 'urban',
          unitCode: '86001',
          registeredOn: '2026-01-05',
        },
      });
      await store.appendToStream(
        householdStreamId(householdId),
        [{ ...encoded, occurredAt: new Date(), metadata: { actorId: 't', actorRole: 'case_worker' } }],
        {
          expectedVersion: 'no_stream',
        },
      );
      const deadline = Date.now() + 10_000;
      let row = await getHouseholdStatus(db, householdId);
      while (!row && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        row = await getHouseholdStatus(db, householdId);
      }
      expect(row).toMatchObject({ household_id: householdId, unit_code: '86001', area: 'urban', version: 1 });
      expect(worker.projector.status()[0]).toMatchObject({ name: 'household_status', eventsProcessed: 1 });
    } finally {
      await worker.stop();
      await store.close();
      await db.destroy();
      await database.drop();
    }
  });

  it('requires DATABASE_URL and says so', () => {
    expect(() => loadProjectorConfig({})).toThrow(/DATABASE_URL/);
  });
});
