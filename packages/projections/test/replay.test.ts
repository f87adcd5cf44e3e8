import { decodeHouseholdEnvelope, householdStreamId, replay } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProjections, createHouseholdProjection, type Projection, rebuildProjections } from '../src/index.js';
import { catchUp, type Harness, openHarness, snapshot } from './harness.js';
import { appendYear, PHASES, SyntheticHousehold } from './synthetic-population.js';

let h: Harness;
let events: RecordedEvent[];
let reference: Record<string, unknown[]>;

beforeAll(async () => {
  h = await openHarness('replay');
  // A population written year by year, so pages of the log mix households; with corrections, moves, closures.
  const households = Array.from({ length: 120 }, (_, i) => new SyntheticHousehold(7_000 + i));
  for (const year of PHASES) {
    await appendYear(h.store, households, year);
  }
  events = [];
  for (let position: string | undefined; ; ) {
    const page = await h.store.readAll({ ...(position ? { after: position } : {}), maxCount: 1000 });
    events.push(...page.events);
    position = page.position;
    if (page.endOfLog) break;
  }
  await catchUp(h, { batchSize: 97, projection: createHouseholdProjection() });
  reference = await snapshot(h.db);
});
afterAll(async () => {
  await h?.close();
});

const apply = (projection: Projection, batch: readonly RecordedEvent[]) =>
  h.db.transaction().execute((trx) => projection.apply(trx, batch, { store: h.store }));

async function clearReadModels(): Promise<void> {
  await sql`TRUNCATE household_status, support_ledger, unit_year_stats, relapse_episodes`.execute(h.db);
}

describe('replays', () => {
  it('covers corrections, moves and closures (the population is not trivial)', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of ['EventVoided', 'EventAmended', 'HouseholdMoved', 'HouseholdClosed', 'LoanGranted']) {
      expect(types).toContain(type);
    }
    expect(reference.relapse_episodes?.length).toBeGreaterThan(20);
    expect(reference.unit_year_stats?.length).toBeGreaterThan(5);
  });

  it('agrees with the write side: each household replayed by the domain from its stream', async () => {
    const rows = await h.db.selectFrom('household_status').selectAll().execute();
    expect(rows.length).toBe(120);
    for (const row of rows) {
      const stream = events.filter((e) => e.streamId === householdStreamId(row.household_id));
      const state = replay(stream.map((e) => decodeHouseholdEnvelope(e)));
      if (state.status === 'unregistered') throw new Error('unregistered');
      const counts = Object.fromEntries(Object.entries(state.supportCounts).filter(([, n]) => n > 0));
      expect({
        classification: row.classification,
        status: row.status,
        version: row.version,
        escapes: row.escape_count,
        relapses: row.relapsed_count + row.relapsed_near_poverty_count,
        unit: row.unit_code,
        supports: Object.fromEntries(Object.entries(row.support_totals).map(([k, t]) => [k, t.count])),
      }).toEqual({
        classification: state.classification,
        status: state.status,
        version: state.version,
        escapes: state.escapes.length,
        relapses: state.relapses.length,
        unit: state.unitCode,
        supports: counts,
      });
    }
  });

  it('applying batches again, warm or cold, counts nothing twice', async () => {
    const warm = createHouseholdProjection();
    for (let i = 0; i < events.length; i += 300) await apply(warm, events.slice(i, i + 300));
    await apply(warm, events.slice(1000, 1400));
    await apply(createHouseholdProjection(), events.slice(200, 900));
    expect(await snapshot(h.db)).toEqual(reference);
  });

  it('gives the same rows from a cold start at every batch (folds read back from the event store)', async () => {
    await clearReadModels();
    for (let i = 0; i < events.length; i += 61) await apply(createHouseholdProjection(), events.slice(i, i + 61));
    expect(await snapshot(h.db)).toEqual(reference);
  });

  it('gives the same rows event by event, with a tiny memory that keeps forgetting', async () => {
    await clearReadModels();
    const forgetful = createHouseholdProjection({ cacheSize: 3 });
    for (const event of events) await apply(forgetful, [event]);
    expect(await snapshot(h.db)).toEqual(reference);
  }, 60_000);

  it('a rebuild with a small memory (writing behind often, reading flushed households back) gives identical rows', async () => {
    const small = createHouseholdProjection({ cacheSize: 12 });
    await rebuildProjections({ store: h.store, connectionString: h.database.url, projections: [small], batchSize: 40 });
    expect(await snapshot(h.db)).toEqual(reference);
  }, 30_000);

  it('a rebuild gives identical rows', async () => {
    await rebuildProjections({
      store: h.store,
      connectionString: h.database.url,
      projections: allProjections,
      batchSize: 250,
    });
    expect(await snapshot(h.db)).toEqual(reference);
  }, 30_000);
});
