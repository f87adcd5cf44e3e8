import { type HouseholdEvent, householdStreamId } from '@benvung/domain';
import { MAX_STREAMS_PER_READ, type RecordedEvent } from '@benvung/event-store';
import { NATIONAL_ID_PATTERN, nationalIdDigest } from '../household-status/search-keys.js';
import type { ApplyContext } from '../runtime/projection.js';
import { decodeForFold, householdIdOf } from './decode.js';
import type { BatchEvent, Plan } from './household-step.js';
import type { BatchWrites } from './write-statement.js';

/**
 * What a batch leaves of one household's ID numbers: the digest of each person whose number it set,
 * null for a person it took off the list. `replace`: these are all the household's numbers (a void of
 * a member event was among the events, so they were read again from the whole stream).
 */
export interface IdWrite {
  householdId: string;
  digests: Map<string, string | null>;
  replace: boolean;
}

function nationalIdIn(part: unknown): string | undefined {
  if (typeof part !== 'object' || part === null || !('nationalId' in part)) return undefined;
  const id = part.nationalId;
  return typeof id === 'string' && NATIONAL_ID_PATTERN.test(id) ? id : undefined;
}

/**
 * The person and number an event records, from its personal part (null once erased: an erased event
 * sets no number). The head named at registration is keyed by the household's own id.
 */
function idChangeOf(householdId: string, recorded: RecordedEvent, event: HouseholdEvent) {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const id = nationalIdIn(recorded.personal?.head);
      return id ? { key: householdId, digest: nationalIdDigest(id) } : undefined;
    }
    case 'HouseholdMemberAdded':
    case 'HouseholdMemberChanged': {
      const id = nationalIdIn(recorded.personal?.person);
      return id ? { key: event.data.memberId, digest: nationalIdDigest(id) } : undefined;
    }
    case 'HouseholdMemberRemoved':
      return { key: event.data.memberId, digest: null };
    default:
      return undefined;
  }
}

const voidsMemberEvent = (e: HouseholdEvent) =>
  e.type === 'EventVoided' && e.data.voidedType.startsWith('HouseholdMember');

function apply(digests: Map<string, string | null>, householdId: string, items: readonly BatchEvent[]): void {
  for (const { recorded, event } of items) {
    const change = idChangeOf(householdId, recorded, event);
    if (change) digests.set(change.key, change.digest);
  }
}

/** A household's numbers from its whole stream up to a version, voided events left out. */
function fromHistory(householdId: string, events: readonly RecordedEvent[]): Map<string, string | null> {
  const items: BatchEvent[] = [];
  for (const recorded of events) {
    try {
      items.push({ recorded, event: decodeForFold(recorded) });
    } catch {
      // An event the projection cannot decode went to its dead letters: it never counted.
    }
  }
  const voided = new Set(items.flatMap(({ event }) => (event.type === 'EventVoided' ? [event.data.eventId] : [])));
  const digests = new Map<string, string | null>();
  apply(
    digests,
    householdId,
    items.filter((i) => !voided.has(i.recorded.eventId)),
  );
  for (const [key, digest] of digests) if (digest === null) digests.delete(key);
  return digests;
}

/**
 * The ID-number writes of a batch, per household. Members' numbers change by event (added, changed,
 * removed), so most batches need nothing but their own events; a void of a member event is rare and
 * re-reads the household's stream, as that is the only place the voided numbers' predecessors are.
 */
export async function idWritesOf(plans: readonly Plan[], context: ApplyContext): Promise<Map<string, IdWrite>> {
  const writes = new Map<string, IdWrite>();
  const rereads: Array<{ streamId: string; toVersion: number }> = [];
  for (const p of plans) {
    if (p.todo.some((t) => voidsMemberEvent(t.event))) {
      const last = p.todo[p.todo.length - 1] as BatchEvent;
      rereads.push({ streamId: householdStreamId(p.householdId), toVersion: last.recorded.version });
      continue;
    }
    const digests = new Map<string, string | null>();
    apply(digests, p.householdId, p.todo);
    if (digests.size > 0) writes.set(p.householdId, { householdId: p.householdId, digests, replace: false });
  }
  for (let i = 0; i < rereads.length; i += MAX_STREAMS_PER_READ) {
    const streams = await context.store.readStreams(rereads.slice(i, i + MAX_STREAMS_PER_READ));
    for (const [streamId, events] of streams) {
      const householdId = householdIdOf(streamId);
      writes.set(householdId, { householdId, digests: fromHistory(householdId, events), replace: true });
    }
  }
  return writes;
}

/** Adds a household's ID-number writes to the statement of its slice. */
export function addIdWrites(w: BatchWrites, write: IdWrite | undefined): void {
  if (!write) return;
  if (write.replace) w.idHouseholds.push(write.householdId);
  for (const [memberKey, digest] of write.digests) {
    const key = { household_id: write.householdId, member_key: memberKey };
    if (digest !== null) w.ids.push({ ...key, digest });
    else if (!write.replace) w.idsGone.push(key);
  }
}
