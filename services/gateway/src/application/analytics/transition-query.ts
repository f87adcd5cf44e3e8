import type { UnitStatusObservation } from '@benvung/analytics';
import type { ReadModelDatabase } from '@benvung/projections';
import { type Kysely, sql } from 'kysely';

/**
 * Each household's standing on 31 December of each year from `fromYear` to `toYear`, with the unit
 * it was recorded in then (the publication rules protect each unit whole), within `unitCodes`.
 */
export async function yearEndStatusesByUnit(
  db: Kysely<ReadModelDatabase>,
  q: { unitCodes?: readonly string[]; fromYear?: number; toYear: number },
): Promise<UnitStatusObservation[]> {
  if (q.unitCodes && q.unitCodes.length === 0) return [];
  const units = q.unitCodes ? sql`AND s.unit_code = ANY(${[...q.unitCodes]}::text[])` : sql``;
  const from = q.fromYear ?? sql`(SELECT min(extract(year FROM valid_from))::int FROM list_spells)`;
  const result = await sql<UnitStatusObservation>`
    SELECT s.household_id AS household, y.year, s.classification AS status, s.unit_code AS unit
    FROM generate_series(${from}::int, ${q.toYear}::int) AS y(year)
    JOIN list_spells s
      ON s.valid_from <= make_date(y.year, 12, 31)
     AND (s.valid_to IS NULL OR s.valid_to > make_date(y.year, 12, 31)) ${units}
    ORDER BY s.household_id, y.year`.execute(db);
  return result.rows;
}
