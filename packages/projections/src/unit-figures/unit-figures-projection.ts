import { decodeUnitFiguresEvent, UNIT_FIGURES_EVENT_SCHEMA_VERSIONS } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { Transaction } from 'kysely';
import type { Projection } from '../runtime/projection.js';
import { decodeOrReject } from '../runtime/rejected-event.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewUnitFigures } from '../tables/unit-figures.js';
import type { NewUnitTargets } from '../tables/unit-targets.js';

/** Rows of a batch, inserted once: an event seen again (after a crash) is left as it is. */
async function applyFigures(trx: Transaction<ReadModelDatabase>, events: readonly RecordedEvent[]): Promise<void> {
  const figures: NewUnitFigures[] = [];
  const targets: NewUnitTargets[] = [];
  for (const recorded of events) {
    const event = decodeOrReject(recorded, decodeUnitFiguresEvent);
    const stamp = {
      event_id: recorded.eventId,
      recorded_by: recorded.metadata.actorId,
      recorded_at: recorded.recordedAt,
    };
    if (event.type === 'UnitFiguresRecorded') {
      const d = event.data;
      figures.push({
        ...stamp,
        unit_code: d.unitCode,
        year: d.year,
        households: d.households,
        population: d.population ?? null,
        source: d.source,
        reason: d.reason ?? null,
      });
    } else {
      const d = event.data;
      targets.push({
        ...stamp,
        unit_code: d.unitCode,
        year: d.year,
        list: d.list,
        kind: d.kind,
        value: d.value,
        note: d.note ?? null,
      });
    }
  }
  if (figures.length > 0)
    await trx
      .insertInto('unit_figures')
      .values(figures)
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  if (targets.length > 0)
    await trx
      .insertInto('unit_targets')
      .values(targets)
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
}

/**
 * Every figure and target recorded for a unit, with who recorded it and when, never updated: the
 * report queries pick the latest recorded by the date a report is asked as of.
 */
export const unitFiguresProjection: Projection = {
  name: 'unit_figures',
  version: 1,
  eventTypes: Object.keys(UNIT_FIGURES_EVENT_SCHEMA_VERSIONS),
  tables: ['unit_figures', 'unit_targets'],
  apply: applyFigures,
};
