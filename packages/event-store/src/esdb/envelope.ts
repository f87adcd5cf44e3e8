import { type RecordedEvent as EsdbRecordedEvent, type EventData, jsonEvent } from '@eventstore/db-client';
import { z } from 'zod';
import type { StoredIdentity } from '../idempotency.js';
import type { EventMetadata, RecordedEvent } from '../port.js';
import type { PreparedEvent } from '../prepare.js';
import type { UpcasterRegistry } from '../upcasting.js';
import type { StoredEvent } from '../verify.js';
import { encodeEsdbPosition } from './position.js';
import { versionOfRevision } from './revisions.js';

/**
 * How our event is laid out in EventStoreDB: `data` is the event's data as is; everything else the
 * port promises — schema version, business time, our metadata, the personal part with its salt and
 * digest, the content hash and the chain hash — travels in the event's metadata under `benvung`.
 * `$correlationId` / `$causationId` repeat the ids where EventStoreDB's own tooling looks for them.
 */
const hex = z.string().regex(/^[0-9a-f]*$/);
const envelopeSchema = z.object({
  benvung: z.object({
    format: z.literal(1),
    schemaVersion: z.number().int().positive(),
    occurredAt: z.string(),
    metadata: z.looseObject({ actorId: z.string(), actorRole: z.string() }),
    personal: z.object({ salt: z.string(), values: z.record(z.string(), z.unknown()) }).nullable(),
    personalDigest: hex.nullable(),
    contentHash: hex,
    hash: hex,
    /** Which append wrote it (not hashed): tells our write from EventStoreDB's idempotent no-op. */
    appendId: z.string().optional(),
  }),
});
type Envelope = z.infer<typeof envelopeSchema>['benvung'];

export function toEventData(e: PreparedEvent, hash: Buffer, appendId: string): EventData {
  const benvung: Envelope = {
    format: 1,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt.toISOString(),
    metadata: e.metadata,
    personal: e.personal,
    personalDigest: e.personalDigest ? e.personalDigest.toString('hex') : null,
    contentHash: e.contentHash.toString('hex'),
    hash: hash.toString('hex'),
    appendId,
  };
  return jsonEvent({
    id: e.eventId,
    type: e.type,
    data: e.data,
    metadata: {
      ...(e.metadata.correlationId ? { $correlationId: e.metadata.correlationId } : {}),
      ...(e.metadata.causationId ? { $causationId: e.metadata.causationId } : {}),
      benvung,
    },
  });
}

/** An event of ours as read back, before upcasting; undefined for system and foreign events. */
export interface Decoded {
  event: EsdbRecordedEvent;
  envelope: Envelope;
  data: Record<string, unknown>;
}

export function decode(event: EsdbRecordedEvent | undefined): Decoded | undefined {
  if (!event?.isJson || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  const parsed = envelopeSchema.safeParse(event.metadata);
  const data = event.data;
  if (!parsed.success || typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return { event, envelope: parsed.data.benvung, data: data as Record<string, unknown> };
}

export function positionOf(event: EsdbRecordedEvent): string {
  // Stream reads carry positions from EventStoreDB 22.6 on; older servers cannot serve this port.
  if (!event.position) throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without a position`);
  return encodeEsdbPosition(event.position);
}

export function toRecorded(d: Decoded, upcasters: UpcasterRegistry): RecordedEvent {
  const stored = { type: d.event.type, schemaVersion: d.envelope.schemaVersion, data: d.data };
  const shape = upcasters.apply(stored);
  return {
    eventId: d.event.id,
    streamId: d.event.streamId,
    type: shape.type,
    schemaVersion: shape.schemaVersion,
    data: shape.data,
    personal: d.envelope.personal?.values ?? null,
    personalDigest: d.envelope.personalDigest,
    metadata: d.envelope.metadata as EventMetadata,
    occurredAt: new Date(d.envelope.occurredAt),
    recordedAt: d.event.created,
    version: versionOfRevision(d.event.revision),
    position: positionOf(d.event),
    hash: d.envelope.hash,
    // The server assigns the recorded time after the hash is computed: it cannot be in the chain.
    chainScheme: 1,
  };
}

export function toStored(d: Decoded): StoredEvent {
  return {
    eventId: d.event.id,
    streamId: d.event.streamId,
    version: versionOfRevision(d.event.revision),
    type: d.event.type,
    schemaVersion: d.envelope.schemaVersion,
    data: d.data,
    personal: d.envelope.personal,
    personalDigest: d.envelope.personalDigest === null ? null : Buffer.from(d.envelope.personalDigest, 'hex'),
    metadata: d.envelope.metadata as EventMetadata,
    occurredAt: new Date(d.envelope.occurredAt),
    recordedAt: d.event.created,
    chainScheme: 1,
    hash: Buffer.from(d.envelope.hash, 'hex'),
  };
}

export function toIdentity(d: Decoded): StoredIdentity {
  return {
    eventId: d.event.id,
    streamId: d.event.streamId,
    version: versionOfRevision(d.event.revision),
    position: positionOf(d.event),
    contentHash: Buffer.from(d.envelope.contentHash, 'hex'),
    personal: d.envelope.personal,
    personalDigest: d.envelope.personalDigest === null ? null : Buffer.from(d.envelope.personalDigest, 'hex'),
  };
}
