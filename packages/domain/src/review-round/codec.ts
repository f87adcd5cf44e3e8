import { ROUND_EVENT_SCHEMA_VERSIONS, RoundEvent, type RoundEventType } from './events.js';

/** A round event in the store's shape: personal fields apart from the rest. */
export interface EncodedRoundEvent {
  type: RoundEventType;
  schemaVersion: number;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
}

/** A complaint's words may say anything about a family: kept apart so they can be erased. */
const PERSONAL: Partial<Record<RoundEventType, string>> = { RoundComplaintReceived: 'summary' };

/** Moves the personal field of an event out of `data`. */
export function encodeRoundEvent(event: RoundEvent): EncodedRoundEvent {
  const field = PERSONAL[event.type];
  const data: Record<string, unknown> = { ...event.data };
  let personal: Record<string, unknown> | null = null;
  if (field && field in data) {
    personal = { [field]: data[field] };
    delete data[field];
  }
  return { type: event.type, schemaVersion: ROUND_EVENT_SCHEMA_VERSIONS[event.type], data, personal };
}

/** Rebuilds and validates a round event; an erased personal field reads `[erased]`. */
export function decodeRoundEvent(stored: {
  type: string;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
}): RoundEvent {
  const field = PERSONAL[stored.type as RoundEventType];
  const data: Record<string, unknown> = { ...stored.data };
  if (field) data[field] = stored.personal?.[field] ?? '[erased]';
  return RoundEvent.parse({ type: stored.type, data });
}

/** Whether a stored event type is a round's (and so never a household's). */
export const isRoundEventType = (type: string): type is RoundEventType =>
  Object.hasOwn(ROUND_EVENT_SCHEMA_VERSIONS, type);
