import { BACKWARDS, END, FORWARDS, type ResolvedEvent, START } from '@eventstore/db-client';
import type { ReadAllPage, RecordedEvent } from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';
import type { EsdbClient } from './client.js';
import { type Decoded, decode, toRecorded } from './envelope.js';
import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition } from './position.js';

/** $all events (ours or not) one readAll looks through before it answers with what it has. */
const MAX_SCAN = 20_000;
const RAW_PAGE = 1000;

export function errorType(err: unknown): string | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

export interface StreamReadOptions {
  direction: typeof FORWARDS | typeof BACKWARDS;
  fromRevision: typeof START | typeof END | bigint;
  maxCount?: number;
}

/** A stream's events, decoded; undefined when the stream does not exist. A foreign event is an error. */
export async function readStreamDecoded(
  client: EsdbClient,
  streamId: string,
  options: StreamReadOptions,
): Promise<Decoded[] | undefined> {
  const out: Decoded[] = [];
  try {
    for await (const resolved of client.readStream(streamId, options) as AsyncIterable<ResolvedEvent>) {
      const d = decode(resolved.event);
      if (!d) throw new Error(`${streamId}@${resolved.event?.revision} was not written by this event store`);
      out.push(d);
    }
  } catch (err) {
    if (errorType(err) === 'stream-not-found') return undefined;
    throw err;
  }
  return out;
}

/**
 * One page of $all after `after`: our events (system and foreign ones skipped), filtered by type on
 * this side — the client's readAll has no server-side filter — with the position moved past everything
 * looked at. A read of $all starts AT its position, so what was already seen is skipped by comparison.
 */
export async function readAllPage(
  client: EsdbClient,
  upcasters: UpcasterRegistry,
  after: string | undefined,
  limit: number,
  eventTypes: readonly string[] | undefined,
): Promise<ReadAllPage> {
  const types = eventTypes?.length ? new Set(eventTypes) : undefined;
  let cursor = after ? decodeEsdbPosition(after) : undefined;
  const events: RecordedEvent[] = [];
  let position = after;
  for (let scanned = 0; scanned < MAX_SCAN; ) {
    let count = 0;
    for await (const resolved of client.readAll({
      fromPosition: cursor ?? START,
      maxCount: RAW_PAGE,
      direction: FORWARDS,
    })) {
      count++;
      const p = resolved.event?.position;
      if (!p || (cursor && compareEsdbPositions(p, cursor) <= 0)) continue;
      cursor = p;
      position = encodeEsdbPosition(p);
      const d = decode(resolved.event);
      if (d && (!types || types.has(d.event.type))) events.push(toRecorded(d, upcasters));
      if (events.length === limit) return { events, position, endOfLog: false };
    }
    scanned += count;
    if (count < RAW_PAGE) return { events, position, endOfLog: true };
  }
  return { events, position, endOfLog: false };
}

/** The last position in $all: of our events only, or of any event (system ones included). */
export async function lastPosition(client: EsdbClient, oursOnly: boolean): Promise<string | undefined> {
  for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: RAW_PAGE })) {
    const p = resolved.event?.position;
    if (p && (!oursOnly || decode(resolved.event))) return encodeEsdbPosition(p);
  }
  return undefined;
}
