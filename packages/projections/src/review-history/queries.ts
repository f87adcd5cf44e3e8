import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/** Restricts `review_history r` to households currently recorded in the units (no units: all). */
const inUnits = (unitCodes: readonly string[] | undefined) =>
  unitCodes
    ? sql`AND r.household_id IN (SELECT household_id FROM household_status WHERE unit_code = ANY(${[...unitCodes]}::text[]))`
    : sql``;

export interface YearStatus {
  household: string;
  year: number;
  status: 'poor' | 'near_poor' | 'non_poor';
}

/**
 * Each household's standing at the end of each year it was reviewed: the classification of its last
 * counting review of that year. `unitCodes` restricts to households currently recorded in those units.
 */
export async function yearEndStatuses(
  db: Kysely<ReadModelDatabase>,
  options: { unitCodes?: readonly string[]; fromYear?: number; toYear?: number },
): Promise<YearStatus[]> {
  const units = inUnits(options.unitCodes);
  const result = await sql<YearStatus>`
    SELECT DISTINCT ON (r.household_id, extract(year FROM r.effective_date))
           r.household_id AS household, extract(year FROM r.effective_date)::int AS year, r.classification AS status
    FROM review_history r
    WHERE NOT r.voided
      AND extract(year FROM r.effective_date) BETWEEN ${options.fromYear ?? 1900} AND ${options.toYear ?? 2999} ${units}
    ORDER BY r.household_id, extract(year FROM r.effective_date), r.effective_date DESC, r.version DESC`.execute(db);
  return result.rows;
}

/** First-ever poor classifications (phát sinh nghèo) of households in the units, by date. */
export async function newlyPoorReviews(
  db: Kysely<ReadModelDatabase>,
  unitCodes: readonly string[] | undefined,
): Promise<Array<{ household: string; on: string }>> {
  const units = inUnits(unitCodes);
  const result = await sql<{ household: string; on: string }>`
    SELECT r.household_id AS household, r.effective_date::text AS on
    FROM review_history r WHERE NOT r.voided AND r.transition = 'newly_poor' ${units}`.execute(db);
  return result.rows;
}
