import type { LogEntry } from '@benvung/domain';
import type { NewSupportLedger } from '../tables/support-ledger.js';
import type { Place } from './fold.js';
import { placeOn } from './geography.js';
import { supportActionOf } from './support-action.js';

/**
 * The support_ledger row of a log entry, if it is a support event: its data as it counts now (the
 * amendment's replacement when amended), its voided and amended flags, and the unit the household was
 * recorded in on the day.
 */
export function ledgerRow(
  householdId: string,
  entry: LogEntry,
  places: readonly Place[],
): NewSupportLedger | undefined {
  const action = supportActionOf(entry.event);
  if (!action || !entry.eventId || entry.event.type === 'EventAmended' || entry.event.type === 'EventVoided') {
    return undefined;
  }
  const place = placeOn(places, action.occurredOn);
  if (!place) return undefined;
  return {
    event_id: entry.eventId,
    household_id: householdId,
    version: entry.version,
    kind: action.kind,
    event_type: entry.type,
    action: action.action,
    starts_support: action.startsSupport,
    occurred_on: action.occurredOn,
    amount_vnd: action.amountVnd,
    programme: action.programme,
    project: action.project,
    reference: action.reference,
    details: entry.event.data,
    unit_code: place.unitCode,
    voided: entry.voided,
    amended: entry.amended,
  };
}
