import {
  ERASED_PLACEHOLDERS,
  HOUSEHOLD_EVENT_SCHEMA_VERSIONS,
  HouseholdEvent,
  type HouseholdEventEnvelope,
  type HouseholdEventType,
  PERSONAL_FIELDS,
} from './events.js';

/** A household event in the store's shape: personal fields apart from the rest. */
export interface EncodedHouseholdEvent {
  type: HouseholdEvent['type'];
  schemaVersion: number;
  data: Record<string, unknown>;
  /** Keyed by path in `data` (`head`, `text`, `replacement.data.text`). */
  personal: Record<string, unknown> | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The personal paths of an event's data: its own fields, or its replacement's for an amendment. */
function personalPaths(type: string, data: Obj): string[] {
  const own = PERSONAL_FIELDS[type as HouseholdEventType] ?? [];
  const replacement = data.replacement;
  if (type !== 'EventAmended' || !isObj(replacement) || typeof replacement.type !== 'string') return [...own];
  return (PERSONAL_FIELDS[replacement.type as HouseholdEventType] ?? []).map((f) => `replacement.data.${f}`);
}

/** Copies the objects along a path so that a field can be moved without touching the caller's event. */
function parentOf(root: Obj, path: string): [Obj, string] | undefined {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = root;
  for (const key of keys) {
    const child = node[key];
    if (!isObj(child)) return undefined;
    node[key] = { ...child };
    node = node[key] as Obj;
  }
  return [node, last];
}

/** Moves the personal fields of an event out of `data`, so the store can erase them later. */
export function encodeHouseholdEvent(event: HouseholdEvent): EncodedHouseholdEvent {
  const data: Obj = { ...event.data };
  let personal: Obj | null = null;
  for (const path of personalPaths(event.type, data)) {
    const found = parentOf(data, path);
    if (found && found[1] in found[0]) {
      personal ??= {};
      personal[path] = found[0][found[1]];
      delete found[0][found[1]];
    }
  }
  return { type: event.type, schemaVersion: HOUSEHOLD_EVENT_SCHEMA_VERSIONS[event.type], data, personal };
}

/**
 * Rebuilds and validates a domain event from the store's shape. Erased personal fields come back as
 * a placeholder (`[erased]`) so the event still replays.
 */
export function decodeHouseholdEvent(stored: {
  type: string;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
}): HouseholdEvent {
  const data: Obj = { ...stored.data };
  for (const path of personalPaths(stored.type, data)) {
    const found = parentOf(data, path);
    if (!found) continue;
    const [node, key] = found;
    const field = path.split('.').pop() as string;
    if (stored.personal && path in stored.personal) node[key] = stored.personal[path];
    else if (!stored.personal && field in ERASED_PLACEHOLDERS) node[key] = ERASED_PLACEHOLDERS[field];
  }
  return HouseholdEvent.parse({ type: stored.type, data });
}

/** Decodes a recorded event with its store id: what `evolve` needs so that corrections can find it. */
export function decodeHouseholdEnvelope(recorded: {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
}): HouseholdEventEnvelope {
  return { eventId: recorded.eventId, event: decodeHouseholdEvent(recorded) };
}
