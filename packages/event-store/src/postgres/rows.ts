import type { EventMetadata, RecordedEvent } from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';
import type { StoredEvent } from '../verify.js';
import { encodePosition } from './position.js';

/** A row of es_events as node-postgres returns it (int8 and xid8 come back as strings). */
export interface EventRow {
  seq: string;
  tx_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  personal: { salt: string; values: Record<string, unknown> } | null;
  personal_digest: Buffer | null;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  hash: Buffer;
}

const EVENT_COLUMN_NAMES = [
  'seq',
  'tx_id',
  'stream_id',
  'version',
  'event_id',
  'type',
  'schema_version',
  'data',
  'personal',
  'personal_digest',
  'metadata',
  'occurred_at',
  'recorded_at',
  'hash',
] as const;

/** The columns of an EventRow, optionally qualified by a table alias. */
export function eventColumns(alias?: string): string {
  return EVENT_COLUMN_NAMES.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}

export const EVENT_COLUMNS = eventColumns();

export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  const shape = upcasters.size
    ? upcasters.apply({ type: row.type, schemaVersion: row.schema_version, data: row.data })
    : { type: row.type, schemaVersion: row.schema_version, data: row.data };
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    type: shape.type,
    schemaVersion: shape.schemaVersion,
    data: shape.data,
    personal: row.personal?.values ?? null,
    personalDigest: row.personal_digest ? row.personal_digest.toString('hex') : null,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    version: row.version,
    position: encodePosition({ tx: BigInt(row.tx_id), seq: BigInt(row.seq) }),
    hash: row.hash.toString('hex'),
  };
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    personal: row.personal,
    personalDigest: row.personal_digest,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    hash: row.hash,
  };
}
