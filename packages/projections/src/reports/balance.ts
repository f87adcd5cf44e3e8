import { type Kysely, sql } from 'kysely';
import { UNIT_YEAR_COUNTS, type UnitYearCount } from '../household/unit-year.js';
import type { ReadModelDatabase } from '../tables/database.js';
import { type RollupEntry, rollupCodes, rollupRelation } from './rollup.js';

/** The movement columns (unit_year_stats' counts of movements, not of households reviewed). */
export const MOVEMENT_COUNTS = UNIT_YEAR_COUNTS.filter(
  (c): c is Exclude<UnitYearCount, 'reviewed' | 'poor' | 'near_poor'> =>
    c !== 'reviewed' && c !== 'poor' && c !== 'near_poor',
);
export type MovementCount = (typeof MOVEMENT_COUNTS)[number];

/** What a report breaks the lists down by: nothing, the area, the head's ethnicity, the unable-to-escape flag. */
export type BalanceGrouping = 'none' | 'area' | 'ethnic_minority' | 'unable_to_escape';

/** One list of one report row (and group) in one year. */
export interface BalanceRow {
  row: string;
  list: 'poor' | 'near_poor';
  /** '' when not grouped; `rural`/`urban`; `minority`/`kinh`/`unknown`; `unable`/`other`. */
  group: string;
  /** On the list on 31 December of the year before. */
  opening: number;
  /** On the list on 31 December of the year. */
  closing: number;
  counts: Record<MovementCount, number>;
  /** Unable-to-escape grouping only: households that came into (left) the group while staying on the list. */
  regroupedIn: number;
  regroupedOut: number;
}

const GROUP: Record<BalanceGrouping, ReturnType<typeof sql>> = {
  none: sql`''`,
  area: sql`m.area`,
  ethnic_minority: sql`CASE m.minority WHEN true THEN 'minority' WHEN false THEN 'kinh' ELSE 'unknown' END`,
  unable_to_escape: sql`CASE WHEN m.unable THEN 'unable' ELSE 'other' END`,
};

/**
 * The year's balance of each list per report row (and group), summed in SQL from list_movements:
 * the lists at the start and end of the year are the running sums of the movements before and
 * through it, and the year's movements are counted by the unit_year_stats column each counts in, so
 * `opening + joiners − leavers = closing` holds for every row and group (see ListMovementsTable).
 * Rows and groups without a movement up to the year's end are absent.
 */
export async function listBalances(
  db: Kysely<ReadModelDatabase>,
  q: { rollup: readonly RollupEntry[]; year: number; by: BalanceGrouping },
): Promise<BalanceRow[]> {
  if (q.rollup.length === 0) return [];
  const start = `${q.year}-01-01`;
  const end = `${q.year}-12-31`;
  const inYear = sql`m.occurred_on >= ${start}::date`;
  const counts = MOVEMENT_COUNTS.map(
    (c) => sql`count(*) FILTER (WHERE ${inYear} AND (m.reason = ${c} OR m.detail = ${c}))::int AS ${sql.id(c)}`,
  );
  // A change of flag is a pair of rows that cancel out in every grouping but the flag's own.
  const regrouped = q.by === 'unable_to_escape' ? sql`true` : sql`m.reason <> 'regrouped'`;
  const result = await sql<Omit<BalanceRow, 'counts'> & Record<MovementCount, number>>`
    SELECT r.row_key AS row, m.list, ${GROUP[q.by]} AS "group",
           coalesce(sum(m.sign) FILTER (WHERE m.occurred_on < ${start}::date), 0)::int AS opening,
           coalesce(sum(m.sign), 0)::int AS closing,
           ${sql.join(counts)},
           count(*) FILTER (WHERE ${inYear} AND m.reason = 'regrouped' AND m.sign = 1)::int AS "regroupedIn",
           count(*) FILTER (WHERE ${inYear} AND m.reason = 'regrouped' AND m.sign = -1)::int AS "regroupedOut"
    FROM list_movements m
    JOIN ${rollupRelation(q.rollup)} ON r.code = m.unit_code AND m.occurred_on BETWEEN r.valid_from AND r.valid_to
    WHERE m.unit_code = ANY(${rollupCodes(q.rollup)}::text[]) AND m.occurred_on <= ${end}::date AND ${regrouped}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return result.rows.map((r) => {
    const counts = Object.fromEntries(MOVEMENT_COUNTS.map((c) => [c, r[c]])) as Record<MovementCount, number>;
    return {
      row: r.row,
      list: r.list,
      group: r.group,
      opening: r.opening,
      closing: r.closing,
      counts,
      regroupedIn: r.regroupedIn,
      regroupedOut: r.regroupedOut,
    };
  });
}
