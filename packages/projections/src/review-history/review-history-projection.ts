import { decodeHouseholdEvent, HouseholdAssessed } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import { sql, type Transaction } from 'kysely';
import { householdIdOf } from '../household/decode.js';
import type { ApplyContext, Projection } from '../runtime/projection.js';
import { decodeOrReject } from '../runtime/rejected-event.js';
import { type BulkTable, insertStatement, unnestRows, upsertStatement } from '../sql/bulk.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewReviewHistory } from '../tables/review-history.js';

/**
 * The fields of a review this table keeps. Reviews are most of the log, so only these are parsed
 * (the whole event was validated when it was appended); corrections, which are rare, are decoded whole.
 */
const ReviewFields = HouseholdAssessed.shape.data.pick({
  reviewType: true,
  effectiveDate: true,
  listYear: true,
  classification: true,
  area: true,
  incomePerCapitaVnd: true,
  deprivations: true,
  standardId: true,
  standardVersion: true,
  listedAs: true,
});

const REVIEW_HISTORY: BulkTable<NewReviewHistory> = {
  table: 'review_history',
  columns: [
    ['household_id', 'uuid'],
    ['event_id', 'uuid'],
    ['version', 'integer'],
    ['review_type', 'text'],
    ['effective_date', 'date'],
    ['list_year', 'integer'],
    ['classification', 'text'],
    ['area', 'text'],
    ['income_per_capita_vnd', 'bigint'],
    ['listed_as', 'text'],
    ['deprivations', 'json'],
    ['standard_id', 'text'],
    ['standard_version', 'integer'],
    ['voided', 'boolean'],
  ],
  key: ['household_id', 'event_id'],
};

type Apply = Projection['apply'];

type ReviewKey = Pick<NewReviewHistory, 'household_id' | 'event_id'>;
type ReviewData = Omit<NewReviewHistory, 'version' | 'voided'>;

const REVIEW_KEYS: BulkTable<ReviewKey> = {
  table: 'review_history',
  columns: [
    ['household_id', 'uuid'],
    ['event_id', 'uuid'],
  ],
  key: ['household_id', 'event_id'],
};

/** What an amendment replaces: every column but the key, the version and the voided flag. */
const REVIEW_DATA: BulkTable<ReviewData> = {
  table: 'review_history',
  columns: REVIEW_HISTORY.columns.filter(
    ([c]) => c !== 'version' && c !== 'voided',
  ) as BulkTable<ReviewData>['columns'],
  key: ['household_id', 'event_id'],
};

/** What a review measured and the standard it was decided under, as the table keeps them. */
const measured = (d: {
  area: 'rural' | 'urban';
  incomePerCapitaVnd?: number | undefined;
  listedAs?: 'poor' | 'near_poor' | 'non_poor' | undefined;
  deprivations: string[];
  standardId: string;
  standardVersion?: number | undefined;
}) => ({
  area: d.area,
  income_per_capita_vnd: d.incomePerCapitaVnd ?? null,
  listed_as: d.listedAs ?? null,
  deprivations: d.deprivations,
  standard_id: d.standardId,
  standard_version: d.standardVersion ?? null,
});
type InsertReviews = (
  trx: Transaction<ReadModelDatabase>,
  rows: NewReviewHistory[],
  context: ApplyContext,
) => Promise<unknown>;

/** Live, a batch may be seen again: a review already stored is left as it is (no row counted twice). */
const insertUnlessStored: InsertReviews = (trx, rows) => upsertStatement(REVIEW_HISTORY, rows, []).execute(trx);

/**
 * A rebuild applies every event once to a fresh table: no guard against a review stored already (its
 * speculative insertion wrote a second WAL record per row), and by COPY where the rebuild offers it.
 */
const insertNew: InsertReviews = (trx, rows, context) =>
  context.copy ? context.copy(trx, REVIEW_HISTORY, rows) : insertStatement(REVIEW_HISTORY, rows).execute(trx);

const sameReview = sql`t.household_id = r.household_id AND t.event_id = r.event_id`;

/**
 * Reviews are inserted in one bulk statement per batch, with `insert`; then the batch's corrections
 * of reviews in one statement each for voids and amendments. A void sets only `voided` and an
 * amendment only the review's data, so all voids, then each review's last amendment, leave the rows
 * as applying them one by one in log order did (a void or amendment always follows its review, which
 * is stored by then). One statement, where one per correction (and an insert before each) made a
 * rebuild wait on a round trip for every void in the log, most of them of events that are no review.
 * Idempotent: applying a batch again changes nothing.
 */
function applyWith(insert: InsertReviews): Apply {
  return async (trx: Transaction<ReadModelDatabase>, events: readonly RecordedEvent[], context: ApplyContext) => {
    const inserts: NewReviewHistory[] = [];
    const voids = new Map<string, ReviewKey>();
    const amendments = new Map<string, ReviewData>();
    for (const recorded of events) {
      const householdId = householdIdOf(recorded.streamId);
      if (recorded.type === 'HouseholdAssessed') {
        const review = decodeOrReject(recorded, (e) => ReviewFields.parse(e.data));
        inserts.push({
          household_id: householdId,
          event_id: recorded.eventId,
          version: recorded.version,
          review_type: review.reviewType,
          effective_date: review.effectiveDate,
          list_year: review.listYear,
          classification: review.classification,
          ...measured(review),
          voided: false,
        });
        continue;
      }
      const event = decodeOrReject(recorded, decodeHouseholdEvent);
      if (event.type === 'EventVoided') {
        voids.set(`${householdId} ${event.data.eventId}`, { household_id: householdId, event_id: event.data.eventId });
      } else if (event.type === 'EventAmended' && event.data.replacement.type === 'HouseholdAssessed') {
        const d = event.data.replacement.data;
        // A later amendment of the same review replaces an earlier one: the last one stands.
        amendments.set(`${householdId} ${event.data.eventId}`, {
          household_id: householdId,
          event_id: event.data.eventId,
          review_type: d.reviewType,
          effective_date: d.effectiveDate,
          list_year: d.listYear,
          classification: d.classification,
          ...measured(d),
        });
      }
    }
    if (inserts.length > 0) await insert(trx, inserts, context);
    if (voids.size > 0) {
      await sql`UPDATE review_history t SET voided = true
        FROM ${unnestRows(REVIEW_KEYS, [...voids.values()])} WHERE ${sameReview}`.execute(trx);
    }
    if (amendments.size > 0) {
      const set = REVIEW_DATA.columns
        .map(([c]) => c)
        .filter((c) => c !== 'household_id' && c !== 'event_id')
        .map((c) => sql`${sql.id(c)} = r.${sql.id(c)}`);
      await sql`UPDATE review_history t SET ${sql.join(set)}
        FROM ${unnestRows(REVIEW_DATA, [...amendments.values()])} WHERE ${sameReview}`.execute(trx);
    }
  };
}

/**
 * One row per review, kept as it counts now: an amendment replaces its data, a void marks it. A
 * rebuild's instance inserts reviews as new rows (insertNew).
 */
export const reviewHistoryProjection: Projection = {
  name: 'review_history',
  version: 2,
  eventTypes: ['HouseholdAssessed', 'EventVoided', 'EventAmended'],
  tables: ['review_history'],
  apply: applyWith(insertUnlessStored),
  rebuilding: () => ({
    ...reviewHistoryProjection,
    apply: applyWith(insertNew),
    // Nothing is kept in memory: every page is written as it is applied.
    flush: async () => {},
  }),
};
