import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { UnitYearStatsRow } from '../tables/unit-year-stats.js';

/** A unit-year's counts with its household total, when known, and the poverty rate. */
export interface UnitYearStatsWithRate extends UnitYearStatsRow {
  total_households: number | null;
  /** closing_poor ÷ total_households (a fraction, not a percentage); null when the total is unknown. */
  poverty_rate: number | null;
  /** closing_near_poor ÷ total_households. */
  near_poverty_rate: number | null;
}

/** Units and years of `listUnitYearStats`. */
export interface UnitYearStatsQuery {
  /** Units as recorded (old and new codes are different units: pass both to cover a merger). */
  unitCodes: readonly string[];
  fromYear?: number;
  toYear?: number;
}

/** Counts per unit and review year (see UnitYearStatsTable), with the rate where the denominator is loaded. */
export async function listUnitYearStats(
  db: Kysely<ReadModelDatabase>,
  q: UnitYearStatsQuery,
): Promise<UnitYearStatsWithRate[]> {
  if (q.unitCodes.length === 0) return [];
  let query = db
    .selectFrom('unit_year_stats as s')
    .leftJoin('unit_year_households as h', (j) =>
      j.onRef('h.unit_code', '=', 's.unit_code').onRef('h.year', '=', 's.year'),
    )
    .selectAll('s')
    .select([
      'h.total_households',
      sql<number | null>`s.closing_poor::float8 / h.total_households`.as('poverty_rate'),
      sql<number | null>`s.closing_near_poor::float8 / h.total_households`.as('near_poverty_rate'),
    ])
    .where('s.unit_code', 'in', [...q.unitCodes])
    .orderBy('s.unit_code')
    .orderBy('s.year');
  if (q.fromYear !== undefined) query = query.where('s.year', '>=', q.fromYear);
  if (q.toYear !== undefined) query = query.where('s.year', '<=', q.toYear);
  return query.execute();
}

/** A unit's total number of households in a year, as published. */
export interface UnitYearHouseholds {
  unitCode: string;
  year: number;
  totalHouseholds: number;
  /** Where the figure comes from. */
  source?: string;
}

/**
 * Loads the denominators of the poverty rates (data, not events): inserts or replaces each unit-year's
 * total. Rates read them at query time, so loading a figure never needs a rebuild.
 */
export async function upsertUnitYearHouseholds(
  db: Kysely<ReadModelDatabase>,
  rows: readonly UnitYearHouseholds[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('unit_year_households')
    .values(
      rows.map((r) => ({
        unit_code: r.unitCode,
        year: r.year,
        total_households: r.totalHouseholds,
        source: r.source ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['unit_code', 'year']).doUpdateSet((eb) => ({
        total_households: eb.ref('excluded.total_households'),
        source: eb.ref('excluded.source'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}
