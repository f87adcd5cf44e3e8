import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildProjections, reviewHistoryProjection } from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter, reviewFor } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('review_history');
});
afterAll(async () => {
  await h?.close();
});

const rows = async () =>
  (
    await sql<{
      event_id: string;
      effective_date: string;
      classification: string;
      voided: boolean;
    }>`
      SELECT event_id, effective_date::text, classification, voided
      FROM review_history ORDER BY household_id, version`.execute(h.db)
  ).rows;

describe('review_history', () => {
  it('keeps every review as it counts now: amended data, voided flag; replays count nothing twice', async () => {
    const a = new HouseholdWriter(h.store);
    await a.register('96101', '2022-01-10');
    const poor = await a.review('poor', '2022-02-15');
    const second = await a.review('poor', '2022-11-20');
    const escaped = await a.review('non_poor', '2023-11-20');
    const relapse = await a.review('poor', '2024-11-20');
    // The 2022 year-end review was really near-poor; the 2024 relapse was entered by mistake.
    await a.amend(second, {
      type: 'AssessHousehold',
      householdId: a.householdId,
      assessment: reviewFor('near_poor', '2022-11-20'),
    });
    await a.void(relapse);
    await a.note('2025-12-21');

    await catchUp(h, { projection: reviewHistoryProjection, batchSize: 2 });
    const first = await rows();
    expect(first.map((r) => [r.event_id, r.effective_date, r.classification, r.voided])).toEqual([
      [poor, '2022-02-15', 'poor', false],
      [second, '2022-11-20', 'near_poor', false],
      [escaped, '2023-11-20', 'non_poor', false],
      [relapse, '2024-11-20', 'poor', true],
    ]);

    // Reprocessing the same events from zero (a crash before the checkpoint) changes nothing.
    await sql`UPDATE projection_checkpoint SET position = NULL WHERE name = 'review_history'`.execute(h.db);
    await catchUp(h, { projection: reviewHistoryProjection, batchSize: 3 });
    expect(await rows()).toEqual(first);

    // A rebuild (its instance inserts without a conflict guard) gives the same rows, once each.
    await rebuildProjections({
      store: h.store,
      connectionString: h.database.url,
      projections: [reviewHistoryProjection],
      batchSize: 2,
    });
    expect(await rows()).toEqual(first);
  });
});
