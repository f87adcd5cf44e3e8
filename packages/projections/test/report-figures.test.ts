import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@benvung/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  figuresAsOf,
  listUnitYearStats,
  targetsAsOf,
  unitFiguresProjection,
  upsertUnitYearHouseholds,
} from '../src/index.js';
import { catchUp, type Harness, openHarness } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('report_figures');
});
afterAll(async () => {
  await h?.close();
});

let version = 0;
/** A unit-figures event as the store would hand it over, recorded at `recordedAt`. */
const recorded = (type: string, data: Record<string, unknown>, recordedAt: string): RecordedEvent => ({
  eventId: randomUUID(),
  streamId: `unit-figures-${data.unitCode}`,
  type,
  schemaVersion: 1,
  data,
  personal: null,
  personalDigest: null,
  metadata: { actorId: 'supervisor-96', actorRole: 'supervisor' },
  occurredAt: new Date(recordedAt),
  recordedAt: new Date(recordedAt),
  version: ++version,
  position: String(version),
  hash: '',
  chainScheme: 2,
});

describe('unit figures and targets as recorded by a date', () => {
  beforeAll(async () => {
    const events = [
      recorded(
        'UnitFiguresRecorded',
        { unitCode: '96', year: 2024, households: 226_000, source: 'Niên giám' },
        '2025-01-10T03:00:00Z',
      ),
      recorded(
        'UnitFiguresRecorded',
        {
          unitCode: '96',
          year: 2024,
          households: 227_300,
          population: 900_000,
          source: 'Niên giám',
          reason: 'Số chính thức',
        },
        '2025-03-01T03:00:00Z',
      ),
      recorded(
        'UnitTargetSet',
        { unitCode: '96', year: 2024, list: 'poor', kind: 'rate_reduction_points', value: 1 },
        '2024-01-05T03:00:00Z',
      ),
      recorded(
        'UnitTargetSet',
        { unitCode: '96', year: 2024, list: 'poor', kind: 'rate_reduction_points', value: null },
        '2025-06-01T03:00:00Z',
      ),
    ];
    await h.db.transaction().execute((trx) => unitFiguresProjection.apply(trx, events, { store: h.store }));
    // Seen again after a crash: nothing counted twice.
    await h.db.transaction().execute((trx) => unitFiguresProjection.apply(trx, events, { store: h.store }));
  });

  it('answers the figures and targets in force at each instant, never later ones', async () => {
    const at = (instant: string) => ({ unitCodes: ['96'], years: [2024], recordedBefore: new Date(instant) });
    expect(await figuresAsOf(h.db, at('2025-01-01T00:00:00Z'))).toEqual([]);
    expect((await figuresAsOf(h.db, at('2025-02-01T00:00:00Z')))[0]).toMatchObject({
      households: 226_000,
      population: null,
    });
    expect((await figuresAsOf(h.db, at('2026-01-01T00:00:00Z')))[0]).toMatchObject({
      households: 227_300,
      population: 900_000,
      reason: 'Số chính thức',
      recordedBy: 'supervisor-96',
    });
    expect((await targetsAsOf(h.db, at('2025-01-01T00:00:00Z'))).map((t) => t.value)).toEqual([1]);
    // Withdrawn since.
    expect(await targetsAsOf(h.db, at('2026-01-01T00:00:00Z'))).toEqual([]);
  });

  it('gives the analytics rates the latest figures recorded, before figures loaded as data', async () => {
    const a = new HouseholdWriter(h.store);
    await a.register('96101', '2024-01-10');
    await a.review('poor', '2024-03-01');
    await catchUp(h);
    await upsertUnitYearHouseholds(h.db, [{ unitCode: '96101', year: 2024, totalHouseholds: 100 }]);
    const rate = async () => (await listUnitYearStats(h.db, { unitCodes: ['96101'], fromYear: 2024, toYear: 2024 }))[0];
    expect(await rate()).toMatchObject({ closing_poor: 1, total_households: 100, poverty_rate: 0.01 });
    const figures = [
      recorded(
        'UnitFiguresRecorded',
        { unitCode: '96101', year: 2024, households: 250, source: 'Xã' },
        '2025-01-10T03:00:00Z',
      ),
    ];
    await h.db.transaction().execute((trx) => unitFiguresProjection.apply(trx, figures, { store: h.store }));
    expect(await rate()).toMatchObject({ total_households: 250, poverty_rate: 1 / 250 });
  });
});
