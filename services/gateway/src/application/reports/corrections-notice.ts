import { lateChangesSince, type ReadModelDatabase } from '@benvung/projections';
import type { Kysely } from 'kysely';
import type { ReportDates } from './report-dates.js';

/** A change recorded after the report's as-of date that can change its figures. */
export interface CorrectionNotice {
  eventId: string;
  /** `late_entry`, `voided` or `amended`. */
  kind: string;
  eventType: string;
  effectiveFrom: string;
  recordedAt: string;
}

/** Listed in full up to this many; the total says how many there are. */
const LISTED = 200;

/**
 * Reports are computed from the lists as corrected, by effective date, so a report for a past year
 * asked again with the same `asOf` gives the same figures unless something was recorded since that
 * changes that year: a late review, move, closure or flag, or a void or amendment of one. Those are
 * listed here, so a reprint says why it differs from the copy printed then.
 */
export async function correctionsSince(
  db: Kysely<ReadModelDatabase>,
  codes: readonly string[],
  dates: ReportDates,
): Promise<{ correctedSince: CorrectionNotice[]; correctedSinceTotal: number }> {
  const { changes, total } = await lateChangesSince(db, {
    recordedFrom: dates.recordedBefore,
    through: `${dates.year}-12-31`,
    unitCodes: codes,
    limit: LISTED,
  });
  return {
    correctedSince: changes.map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() })),
    correctedSinceTotal: total,
  };
}
