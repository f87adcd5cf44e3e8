import { decodeHouseholdEvent } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { Transaction } from 'kysely';
import type { Projection } from '../runtime/projection.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewReviewHistory } from '../tables/review-history.js';

const householdIdOf = (streamId: string) => streamId.slice('household-'.length);

/**
 * One row per review, kept as it counts now: an amendment replaces its data, a void marks it. Reviews
 * are inserted in one multi-row upsert per batch (idempotent on the event id); corrections, which are
 * rare, update their target one by one and are idempotent too.
 */
export const reviewHistoryProjection: Projection = {
  name: 'review_history',
  version: 1,
  eventTypes: ['HouseholdAssessed', 'EventVoided', 'EventAmended'],
  tables: ['review_history'],
  async apply(trx: Transaction<ReadModelDatabase>, events: readonly RecordedEvent[]) {
    const inserts = new Map<string, NewReviewHistory>();
    const flush = async () => {
      if (inserts.size === 0) return;
      await trx
        .insertInto('review_history')
        .values([...inserts.values()])
        .onConflict((oc) => oc.columns(['household_id', 'event_id']).doNothing())
        .execute();
      inserts.clear();
    };
    for (const recorded of events) {
      const event = decodeHouseholdEvent(recorded);
      const householdId = householdIdOf(recorded.streamId);
      if (event.type === 'HouseholdAssessed') {
        inserts.set(recorded.eventId, {
          household_id: householdId,
          event_id: recorded.eventId,
          version: recorded.version,
          review_type: event.data.reviewType,
          effective_date: event.data.effectiveDate,
          list_year: event.data.listYear,
          classification: event.data.classification,
          transition: event.data.transition,
          voided: false,
        });
      } else if (event.type === 'EventVoided') {
        await flush();
        await trx
          .updateTable('review_history')
          .set({ voided: true })
          .where('household_id', '=', householdId)
          .where('event_id', '=', event.data.eventId)
          .execute();
      } else if (event.type === 'EventAmended' && event.data.replacement.type === 'HouseholdAssessed') {
        await flush();
        const d = event.data.replacement.data;
        await trx
          .updateTable('review_history')
          .set({
            review_type: d.reviewType,
            effective_date: d.effectiveDate,
            list_year: d.listYear,
            classification: d.classification,
            transition: d.transition,
          })
          .where('household_id', '=', householdId)
          .where('event_id', '=', event.data.eventId)
          .execute();
      }
    }
    await flush();
  },
};
