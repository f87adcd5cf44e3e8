import { HouseholdEvent, type LogEntry } from '@benvung/domain';
import { z } from 'zod';

/** One stored entry of the fold's log, with short keys: millions are written in a rebuild. */
const StoredEntry = z.object({
  v: z.number().int(),
  id: z.string().nullable(),
  e: HouseholdEvent,
  x: z.boolean(),
  a: z.boolean(),
});
const StoredEntries = z.array(StoredEntry);

/** Entries of a stored chunk, validated: the fold replays them with the domain's evolve. */
export function fromStored(json: unknown): LogEntry[] {
  return StoredEntries.parse(json).map((s) => ({
    eventId: s.id ?? undefined,
    version: s.v,
    type: s.e.type,
    event: s.e,
    voided: s.x,
    amended: s.a,
  }));
}

/** One entry serialised as it is stored (the StoredEntry shape as JSON, without building the object). */
export const serialiseEntry = (e: LogEntry): string =>
  `{"v":${e.version},"id":${e.eventId === undefined ? 'null' : JSON.stringify(e.eventId)},"e":${JSON.stringify(e.event)},"x":${e.voided},"a":${e.amended}}`;

/** Entries serialised with `serialiseEntry`, back. */
export const parseEntries = (serialised: readonly string[]): LogEntry[] =>
  fromStored(JSON.parse(`[${serialised.join(',')}]`));
