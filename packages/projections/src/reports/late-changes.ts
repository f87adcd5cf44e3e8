import { type Kysely, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/** A change recorded after a report's as-of date that can change its year's lists. */
export interface LateChange {
  eventId: string;
  /** `late_entry`, `voided` or `amended`. */
  kind: string;
  eventType: string;
  effectiveFrom: string;
  recordedAt: Date;
}

/**
 * Changes recorded at or after `recordedFrom` that take effect on or before `through` (a year's end),
 * of households that were ever on a list of, or are recorded in, one of `unitCodes`: the corrections
 * and late entries a report for that year, asked as of a date, has to say it may differ by. At most
 * `limit`, oldest first, with how many there are in all.
 */
export async function lateChangesSince(
  db: Kysely<ReadModelDatabase>,
  q: { recordedFrom: Date; through: string; unitCodes: readonly string[]; limit: number },
): Promise<{ changes: LateChange[]; total: number }> {
  if (q.unitCodes.length === 0) return { changes: [], total: 0 };
  const codes = [...q.unitCodes];
  const result = await sql<LateChange & { total: number }>`
    SELECT c.event_id AS "eventId", c.kind, c.event_type AS "eventType",
           to_char(c.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", c.recorded_at AS "recordedAt",
           (count(*) OVER ())::int AS total
    FROM late_changes c
    WHERE c.recorded_at >= ${q.recordedFrom} AND c.effective_from <= ${q.through}::date
      AND (EXISTS (SELECT 1 FROM list_movements m WHERE m.household_id = c.household_id AND m.unit_code = ANY(${codes}::text[]))
        OR EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = c.household_id AND s.unit_code = ANY(${codes}::text[])))
    ORDER BY c.recorded_at, c.event_id
    LIMIT ${q.limit}`.execute(db);
  return {
    changes: result.rows.map(({ total: _total, ...c }) => c),
    total: result.rows[0]?.total ?? 0,
  };
}
