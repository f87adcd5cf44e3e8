import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/** A household's standing at the end of a year. */
export interface YearStatus {
  household: string;
  year: number;
  status: 'poor' | 'near_poor' | 'non_poor';
}

/** Years and units of `yearEndStatuses`. */
export interface YearEndQuery {
  /** Units the household stood in at the year's end (no units: everywhere). */
  unitCodes?: readonly string[];
  /** Default: the first year any spell starts. */
  fromYear?: number;
  /** Default: the last year any spell starts. */
  toYear?: number;
}

/**
 * Each household's standing at the end of each year from `fromYear` to `toYear`: the classification of
 * its latest counting review in force on 31 December, reviewed that year or not, in the unit it stood
 * in then. A household closed (or not yet assessed) by 31 December has no standing that year.
 */
export async function yearEndStatuses(db: Kysely<ReadModelDatabase>, q: YearEndQuery = {}): Promise<YearStatus[]> {
  if (q.unitCodes && q.unitCodes.length === 0) return [];
  const units = q.unitCodes ? sql`AND s.unit_code = ANY(${[...q.unitCodes]}::text[])` : sql``;
  const from = q.fromYear ?? sql`(SELECT min(extract(year FROM valid_from))::int FROM list_spells)`;
  const to = q.toYear ?? sql`(SELECT max(extract(year FROM valid_from))::int FROM list_spells)`;
  const result = await sql<YearStatus>`
    SELECT s.household_id AS household, y.year, s.classification AS status
    FROM generate_series(${from}::int, ${to}::int) AS y(year)
    JOIN list_spells s
      ON s.valid_from <= make_date(y.year, 12, 31)
     AND (s.valid_to IS NULL OR s.valid_to > make_date(y.year, 12, 31)) ${units}
    ORDER BY s.household_id, y.year`.execute(db);
  return result.rows;
}
