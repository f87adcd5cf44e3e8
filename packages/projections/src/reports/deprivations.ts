import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import { type RollupEntry, rollupCodes, rollupRelation } from './rollup.js';

/** An indicator of a standard and the dimension it belongs to (from the rules). */
export interface IndicatorDimension {
  standardId: string;
  code: string;
  dimension: string;
}

/** Counts of one report row, list and standard: its total, or one indicator's or dimension's households. */
export interface DeprivationCount {
  row: string;
  list: 'poor' | 'near_poor';
  /** The standard the latest review applied; null when no review in force was found. */
  standardId: string | null;
  kind: 'total' | 'indicator' | 'dimension';
  /** The indicator code or dimension; '' for the total. */
  key: string;
  /** Households on the list (total), or deprived on the indicator or in the dimension. */
  households: number;
  /** Total only: households whose review measured deprivations (not a baseline that stated its list alone). */
  measured: number;
}

/**
 * The deprivations of the households on each list of each report row on `date` (a year's end): each
 * household counts once, with the deprivations of its latest review in force on that date (voided
 * reviews left out, amended ones as amended), under the standard that review applied. A baseline that
 * stated its list without figures measured nothing: it counts in the total, not in `measured`. A
 * household is deprived in a dimension when it is deprived on any of the dimension's indicators.
 */
export async function listDeprivations(
  db: Kysely<ReadModelDatabase>,
  q: { rollup: readonly RollupEntry[]; date: string; indicators: readonly IndicatorDimension[] },
): Promise<DeprivationCount[]> {
  if (q.rollup.length === 0) return [];
  const result = await sql<DeprivationCount>`
    WITH listed AS (
      SELECT r.row_key, s.household_id, s.classification AS list
      FROM list_spells s
      JOIN ${rollupRelation(q.rollup)} ON r.code = s.unit_code AND s.valid_from BETWEEN r.valid_from AND r.valid_to
      WHERE s.unit_code = ANY(${rollupCodes(q.rollup)}::text[]) AND s.classification IN ('poor', 'near_poor')
        AND s.valid_from <= ${q.date}::date AND (s.valid_to IS NULL OR s.valid_to > ${q.date}::date)
    ), latest AS (
      SELECT l.row_key, l.list, l.household_id, v.standard_id, coalesce(v.deprivations, '[]'::jsonb) AS deprivations,
             coalesce(v.measured, false) AS measured
      FROM listed l
      LEFT JOIN LATERAL (
        SELECT h.standard_id, h.deprivations,
               NOT (h.listed_as IS NOT NULL AND h.income_per_capita_vnd IS NULL
                    AND jsonb_array_length(h.deprivations) = 0) AS measured
        FROM review_history h
        WHERE h.household_id = l.household_id AND NOT h.voided AND h.effective_date <= ${q.date}::date
        ORDER BY h.effective_date DESC, h.version DESC
        LIMIT 1
      ) v ON true
    ), deprived AS (
      SELECT l.row_key, l.list, l.household_id, l.standard_id, c.code
      FROM latest l CROSS JOIN LATERAL jsonb_array_elements_text(l.deprivations) AS c(code)
      WHERE l.measured
    ), dims AS (
      SELECT * FROM unnest(
        ${q.indicators.map((i) => i.standardId)}::text[], ${q.indicators.map((i) => i.code)}::text[],
        ${q.indicators.map((i) => i.dimension)}::text[]
      ) AS d(standard_id, code, dimension)
    )
    SELECT row_key AS row, list, standard_id AS "standardId", 'total' AS kind, '' AS key,
           count(*)::int AS households, count(*) FILTER (WHERE measured)::int AS measured
    FROM latest GROUP BY 1, 2, 3
    UNION ALL
    SELECT row_key, list, standard_id, 'indicator', code, count(DISTINCT household_id)::int, 0
    FROM deprived GROUP BY 1, 2, 3, 5
    UNION ALL
    SELECT x.row_key, x.list, x.standard_id, 'dimension', d.dimension, count(DISTINCT x.household_id)::int, 0
    FROM deprived x JOIN dims d ON d.standard_id = x.standard_id AND d.code = x.code
    GROUP BY 1, 2, 3, 5
    ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return result.rows;
}
