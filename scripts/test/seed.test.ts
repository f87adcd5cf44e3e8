import { decodeHouseholdEnvelope, replay } from '@benvung/domain';
import { migrateEventStore, PostgresEventStore, type RecordedEvent } from '@benvung/event-store';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHousehold, PopulationStats, seedPopulation } from '../seed/index.js';
import { scratchDatabase } from './scratch-database.js';

const cleanups: Array<() => Promise<void>> = [];

async function seededStore(households: number, seed: number): Promise<PostgresEventStore> {
  const database = await scratchDatabase('seed');
  const store = new PostgresEventStore({ connectionString: database.url, maxPoolSize: 4 });
  cleanups.push(async () => {
    await store.close();
    await database.drop();
  });
  await migrateEventStore(store.pool);
  const result = await seedPopulation({ store, households, seed, concurrency: 4 });
  expect(result.households).toBe(households);
  return store;
}

async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after !== undefined ? { after } : {}), maxCount: 1000 });
    all.push(...page.events);
    after = page.position;
    if (page.endOfLog) return all;
  }
}

/** What must be the same from one seed to another (store positions, hashes and salts are not). */
const content = (e: RecordedEvent) => ({
  streamId: e.streamId,
  version: e.version,
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  personal: e.personal,
  metadata: e.metadata,
  occurredAt: e.occurredAt.toISOString(),
});

const byStream = (events: RecordedEvent[]) =>
  events.map(content).sort((a, b) => a.streamId.localeCompare(b.streamId) || a.version - b.version);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('the seeded population', () => {
  it('is the same for the same seed and differs for another', async () => {
    const [first, second] = await Promise.all([seededStore(50, 7), seededStore(50, 7)]);
    const a = byStream(await readEverything(first));
    const b = byStream(await readEverything(second));
    expect(a.length).toBeGreaterThan(50 * 5);
    expect(b).toEqual(a);

    const other = Array.from({ length: 50 }, (_, i) => generateHousehold(8, i));
    const otherIds = new Set(other.map((h) => h.streamId));
    expect(a.some((e) => otherIds.has(e.streamId))).toBe(false);
    expect(other.flatMap((h) => h.events.map((e) => e.event.data))).not.toEqual(
      Array.from({ length: 50 }, (_, i) => generateHousehold(7, i)).flatMap((h) => h.events.map((e) => e.event.data)),
    );
  });

  it('replays through the domain: every stored event decodes, and the streams fold to the generated state', async () => {
    const store = await seededStore(50, 11);
    const events = await readEverything(store);
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    expect(streams.size).toBe(50);
    for (let i = 0; i < 50; i++) {
      const generated = generateHousehold(11, i);
      const stored = (streams.get(generated.streamId) ?? []).sort((x, y) => x.version - y.version);
      expect(stored.map((e) => e.eventId)).toEqual(generated.events.map((e) => e.eventId));
      const state = replay(stored.map(decodeHouseholdEnvelope));
      expect(state.status).not.toBe('unregistered');
      expect(state).toEqual(generated.state);
    }
  });

  it('looks like the lists of DOMAIN.md: 10–20% listed at first, escapes of tens of percent, a few relapses', () => {
    const stats = new PopulationStats();
    for (let i = 0; i < 3000; i++) stats.add(generateHousehold(1, i));
    const f = stats.toJSON();
    expect(f.refused).toEqual({});
    expect(f.eventsPerHousehold).toBeGreaterThan(7);
    const [start, ...rest] = f.years;
    if (!start) throw new Error('no years');
    const listed = (start.poor + start.nearPoor) / start.households;
    expect(listed).toBeGreaterThan(0.1);
    expect(listed).toBeLessThan(0.2);
    for (const y of rest.filter((r) => r.year >= 2023 && r.year <= 2025)) {
      const escapes = (y.transitions.escaped_poverty ?? 0) / y.poor;
      const relapses = ((y.transitions.relapsed ?? 0) + (y.transitions.relapsed_near_poverty ?? 0)) / y.escapedStock;
      expect(escapes).toBeGreaterThan(0.15);
      expect(escapes).toBeLessThan(0.6);
      expect(relapses).toBeGreaterThan(0.01);
      expect(relapses).toBeLessThan(0.15);
      expect(y.transitions.newly_poor ?? 0).toBeGreaterThan(0);
    }
    expect(f.escapes.afterAnySupport / f.escapes.total).toBeGreaterThan(0.5);
    for (const kind of ['loan', 'training', 'job_placement', 'livelihood', 'health_insurance', 'housing']) {
      expect(f.supportStarts[kind] ?? 0).toBeGreaterThan(0);
    }
    expect(f.byType.EventVoided ?? 0).toBeGreaterThan(0);
    expect(f.byType.HouseholdClosed ?? 0).toBeGreaterThan(0);
  });
});
