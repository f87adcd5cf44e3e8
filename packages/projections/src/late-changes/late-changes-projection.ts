import { IsoDate, yearOf } from '@benvung/domain';
import { MAX_STREAMS_PER_READ, type RecordedEvent } from '@benvung/event-store';
import type { Transaction } from 'kysely';
import { householdIdOf } from '../household/decode.js';
import type { ApplyContext, Projection } from '../runtime/projection.js';
import { decodeOrReject } from '../runtime/rejected-event.js';
import { type BulkTable, insertStatement, upsertStatement } from '../sql/bulk.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewLateChanges } from '../tables/late-changes.js';

/** Events that move a household on or off a list, or between the groups reports break lists down by. */
const LIST_EVENTS = new Set([
  'HouseholdAssessed',
  'HouseholdMoved',
  'HouseholdClosed',
  'UnableToEscapeFlagSet',
  'UnableToEscapeFlagCleared',
]);
const CORRECTIONS = new Set(['EventVoided', 'EventAmended']);

const LATE_CHANGES: BulkTable<NewLateChanges> = {
  table: 'late_changes',
  columns: [
    ['event_id', 'uuid'],
    ['household_id', 'uuid'],
    ['kind', 'text'],
    ['event_type', 'text'],
    ['effective_from', 'date'],
    ['recorded_at', 'timestamptz'],
  ],
  key: ['event_id'],
};

// Vietnam has one time zone: an event recorded at 01:00 on 1 January belongs to the new year.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const HOUR_MS = 3_600_000;
let lastHour = Number.NaN;
let lastDay = '';
/**
 * Formatting a time in a time zone costs about a microsecond, for every event of a rebuild; the log
 * comes in store-time order, so the day of the last hour asked is kept. Within a clock hour the day
 * cannot change: Vietnam's offset from UTC has been whole hours since 1911.
 */
function recordedDay(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastDay = VIETNAM_DAY.format(at);
    lastHour = hour;
  }
  return lastDay;
}

/** The date an event takes effect on, as its data states it (undefined when it states none that is a date). */
function effectiveDateOf(data: Record<string, unknown>): string | undefined {
  const date = IsoDate.safeParse(data.effectiveDate ?? data.occurredOn);
  return date.success ? date.data : undefined;
}

/** Recorded after the end of the year of the earliest date it changes: a year already reported on. */
const late = (recordedAt: Date, effectiveFrom: string) => recordedDay(recordedAt) > `${yearOf(effectiveFrom)}-12-31`;

interface Correction {
  recorded: RecordedEvent;
  targetId: string;
  targetType: string;
  replacementDate: string | undefined;
}

function correctionOf(recorded: RecordedEvent): Correction | undefined {
  const d = recorded.data;
  if (typeof d.eventId !== 'string') throw new Error('a correction without the id of the event it corrects');
  if (recorded.type === 'EventVoided') {
    const type = typeof d.voidedType === 'string' ? d.voidedType : '';
    return LIST_EVENTS.has(type)
      ? { recorded, targetId: d.eventId, targetType: type, replacementDate: undefined }
      : undefined;
  }
  const replacement = d.replacement as { type?: unknown; data?: Record<string, unknown> } | undefined;
  const type = typeof replacement?.type === 'string' ? replacement.type : '';
  if (!LIST_EVENTS.has(type)) return undefined;
  const replacementDate = effectiveDateOf(replacement?.data ?? {});
  if (!replacementDate) throw new Error(`an amendment of ${type} without a date`);
  return { recorded, targetId: d.eventId, targetType: type, replacementDate };
}

/**
 * The earliest date a correction changes: the corrected event's own date, any earlier amendment's and
 * its replacement's, read from the household's stream before the correction.
 */
function earliestDate(c: Correction, history: readonly RecordedEvent[]): string | undefined {
  const dates: string[] = [];
  for (const e of history) {
    if (e.version >= c.recorded.version) break;
    if (e.eventId === c.targetId) dates.push(effectiveDateOf(e.data) ?? '');
    const replacement = e.data.replacement as { data?: Record<string, unknown> } | undefined;
    if (e.type === 'EventAmended' && e.data.eventId === c.targetId)
      dates.push(effectiveDateOf(replacement?.data ?? {}) ?? '');
  }
  if (c.replacementDate) dates.push(c.replacementDate);
  return dates.filter((d) => d !== '').sort()[0];
}

type InsertRows = (
  trx: Transaction<ReadModelDatabase>,
  rows: NewLateChanges[],
  context: ApplyContext,
) => Promise<unknown>;

/** Live, a batch may be seen again: a row already stored is left as it is. */
const insertUnlessStored: InsertRows = (trx, rows) => upsertStatement(LATE_CHANGES, rows, []).execute(trx);

/** A rebuild applies every event once to a fresh table: no guard, and by COPY where the rebuild offers it. */
const insertNew: InsertRows = (trx, rows, context) =>
  context.copy ? context.copy(trx, LATE_CHANGES, rows) : insertStatement(LATE_CHANGES, rows).execute(trx);

const applyWith = (insert: InsertRows) =>
  async function applyLateChanges(
    trx: Transaction<ReadModelDatabase>,
    events: readonly RecordedEvent[],
    context: ApplyContext,
  ): Promise<void> {
    const rows: NewLateChanges[] = [];
    const corrections: Correction[] = [];
    for (const recorded of events) {
      if (CORRECTIONS.has(recorded.type)) {
        const c = decodeOrReject(recorded, correctionOf);
        if (c) corrections.push(c);
        continue;
      }
      const date = decodeOrReject(recorded, (e) => {
        const found = effectiveDateOf(e.data);
        if (!found) throw new Error(`${e.type} without a date`);
        return found;
      });
      if (late(recorded.recordedAt, date)) {
        rows.push({
          event_id: recorded.eventId,
          household_id: householdIdOf(recorded.streamId),
          kind: 'late_entry',
          event_type: recorded.type,
          effective_from: date,
          recorded_at: recorded.recordedAt,
        });
      }
    }
    // Corrections are rare: their households' streams are read up to them, a thousand at a time.
    for (let i = 0; i < corrections.length; i += MAX_STREAMS_PER_READ) {
      const slice = corrections.slice(i, i + MAX_STREAMS_PER_READ);
      const last = new Map<string, number>();
      for (const c of slice)
        last.set(c.recorded.streamId, Math.max(last.get(c.recorded.streamId) ?? 0, c.recorded.version));
      const streams = await context.store.readStreams(
        [...last].map(([streamId, toVersion]) => ({ streamId, toVersion })),
      );
      for (const c of slice) {
        const from = earliestDate(c, streams.get(c.recorded.streamId) ?? []);
        if (!from || !late(c.recorded.recordedAt, from)) continue;
        rows.push({
          event_id: c.recorded.eventId,
          household_id: householdIdOf(c.recorded.streamId),
          kind: c.recorded.type === 'EventVoided' ? 'voided' : 'amended',
          event_type: c.targetType,
          effective_from: from,
          recorded_at: c.recorded.recordedAt,
        });
      }
    }
    if (rows.length > 0) await insert(trx, rows, context);
  };

/**
 * Changes recorded after the year they take effect in had ended (see LateChangesTable): what a report
 * for a past year, asked again later, must say it may differ by.
 */
export const lateChangesProjection: Projection = {
  name: 'late_changes',
  version: 1,
  eventTypes: [...LIST_EVENTS, ...CORRECTIONS],
  tables: ['late_changes'],
  apply: applyWith(insertUnlessStored),
  rebuilding: () => ({
    ...lateChangesProjection,
    apply: applyWith(insertNew),
    // Never read back: its indexes are built once the log is replayed.
    insertOnly: ['late_changes'],
    flush: async () => {},
  }),
};
