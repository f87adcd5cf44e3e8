import { type Kysely, sql } from 'kysely';
import { UNIT_YEAR_COUNTS, type UnitYearCount } from '../household/unit-year.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { UnitYearStatsRow } from '../tables/unit-year-stats.js';

/**
 * The year-end balance of each list: what joins it and what leaves it (DOMAIN.md, "Year-end balance").
 * Subset columns (`newly_poor_from_near_poor`, `escaped_to_near_poor`) are in neither: they break a
 * movement down, they are not one more.
 */
export const LIST_BALANCE: Record<'poor' | 'near_poor', { joins: UnitYearCount[]; leaves: UnitYearCount[] }> = {
  poor: {
    joins: ['poor_baseline', 'newly_poor', 'relapsed', 'poor_moved_in'],
    leaves: ['escaped', 'poor_moved_out', 'poor_closed'],
  },
  near_poor: {
    joins: [
      'near_poor_baseline',
      'newly_near_poor',
      'near_poor_from_poor',
      'relapsed_near_poverty',
      'near_poor_moved_in',
    ],
    leaves: ['escaped_near_poverty', 'near_poor_to_poor', 'near_poor_moved_out', 'near_poor_closed'],
  },
};

/** A unit-year's counts with its lists at the start and end of the year, its household total and rates. */
export interface UnitYearStatsWithRate extends UnitYearStatsRow {
  /** Poor households on 1 January: the end of the year before. */
  opening_poor: number;
  /** Poor households on 31 December: everyone whose latest review in force then says poor. */
  closing_poor: number;
  opening_near_poor: number;
  closing_near_poor: number;
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
  /** Default: each unit's first year with a movement. */
  fromYear?: number;
  /** Default: the last year with a movement in any of the units. Pass the current year to carry lists over to it. */
  toYear?: number;
}

const net = (list: keyof typeof LIST_BALANCE) =>
  sql.join(
    [
      ...LIST_BALANCE[list].joins.map((c) => sql`coalesce(s.${sql.id(c)}, 0)`),
      ...LIST_BALANCE[list].leaves.map((c) => sql`- coalesce(s.${sql.id(c)}, 0)`),
    ],
    sql` + `,
  );

/**
 * Counts per unit and year (see UnitYearStatsTable), one row for every year from the unit's first
 * movement to `toYear` — years without a movement included, their lists carried over — with the lists
 * at the start and end of each year (running sums of the movements) and the rates where the
 * denominator is loaded.
 */
export async function listUnitYearStats(
  db: Kysely<ReadModelDatabase>,
  q: UnitYearStatsQuery,
): Promise<UnitYearStatsWithRate[]> {
  if (q.unitCodes.length === 0) return [];
  const units = [...q.unitCodes];
  const counts = sql.join(UNIT_YEAR_COUNTS.map((c) => sql`coalesce(s.${sql.id(c)}, 0)::int AS ${sql.id(c)}`));
  const last = q.toYear ?? sql`(SELECT max(year) FROM unit_year_stats WHERE unit_code = ANY(${units}::text[]))`;
  const result = await sql<UnitYearStatsWithRate>`
    WITH firsts AS (
      SELECT unit_code, min(year) AS first FROM unit_year_stats WHERE unit_code = ANY(${units}::text[]) GROUP BY unit_code
    ), filled AS (
      SELECT f.unit_code, y.year, ${counts},
             ${net('poor')} AS poor_net, ${net('near_poor')} AS near_poor_net
      FROM firsts f
      CROSS JOIN LATERAL generate_series(f.first, greatest(f.first, ${last}::int)) AS y(year)
      LEFT JOIN unit_year_stats s ON s.unit_code = f.unit_code AND s.year = y.year
    ), running AS (
      SELECT *,
             (sum(poor_net) OVER w)::int AS closing_poor,
             (sum(near_poor_net) OVER w)::int AS closing_near_poor
      FROM filled WINDOW w AS (PARTITION BY unit_code ORDER BY year)
    )
    SELECT r.unit_code, r.year, ${sql.join(UNIT_YEAR_COUNTS.map((c) => sql`r.${sql.id(c)}`))},
           (r.closing_poor - r.poor_net)::int AS opening_poor, r.closing_poor,
           (r.closing_near_poor - r.near_poor_net)::int AS opening_near_poor, r.closing_near_poor,
           h.total_households,
           r.closing_poor::float8 / h.total_households AS poverty_rate,
           r.closing_near_poor::float8 / h.total_households AS near_poverty_rate
    FROM running r
    -- The figures last recorded for the unit (unit_figures), else those loaded as data.
    CROSS JOIN LATERAL (
      SELECT coalesce(
        (SELECT f.households FROM unit_figures f WHERE f.unit_code = r.unit_code AND f.year = r.year
         ORDER BY f.recorded_at DESC, f.event_id LIMIT 1),
        (SELECT u.total_households FROM unit_year_households u WHERE u.unit_code = r.unit_code AND u.year = r.year)
      ) AS total_households
    ) h
    WHERE r.year BETWEEN ${q.fromYear ?? 0} AND ${q.toYear ?? 9999}
    ORDER BY r.unit_code, r.year`.execute(db);
  return result.rows;
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
