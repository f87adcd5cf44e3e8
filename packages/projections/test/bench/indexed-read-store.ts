import type { EventStore, PostgresEventStore, ReadAllOptions, ReadAllPage, RecordedEvent } from '@benvung/event-store';

interface Row {
  seq: string;
  tx_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  personal: { values: Record<string, unknown> } | null;
  personal_digest: Buffer | null;
  metadata: RecordedEvent['metadata'];
  occurred_at: Date;
  recorded_at: Date;
  hash: Buffer;
}

/**
 * BENCH ONLY. The PostgreSQL store, except that `readAll` reads a page without the "pending" probe of
 * the store's own query, which seq-scans es_events on every page (0.5 s a page at 1M events) — an
 * event-store issue reported separately. This isolates what the projections themselves cost. It has
 * no xmin guard: use it only on a log nobody is writing.
 */
export function withIndexedReadAll(store: PostgresEventStore): EventStore {
  const readAll = async (options: ReadAllOptions = {}): Promise<ReadAllPage> => {
    const [tx, seq] = (options.after ?? '0:0').split(':');
    const limit = options.maxCount ?? 1000;
    const result = await store.pool.query<Row>({
      name: 'bench_read_all',
      text: `SELECT seq, tx_id, stream_id, version, event_id, type, schema_version, data, personal,
               personal_digest, metadata, occurred_at, recorded_at, hash
             FROM es_events WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) ORDER BY tx_id, seq LIMIT $3`,
      values: [tx, seq, limit],
    });
    const events = result.rows.map(
      (r): RecordedEvent => ({
        eventId: r.event_id,
        streamId: r.stream_id,
        type: r.type,
        schemaVersion: r.schema_version,
        data: r.data,
        personal: r.personal?.values ?? null,
        personalDigest: r.personal_digest ? r.personal_digest.toString('hex') : null,
        metadata: r.metadata,
        occurredAt: r.occurred_at,
        recordedAt: r.recorded_at,
        version: r.version,
        position: `${r.tx_id}:${r.seq}`,
        hash: r.hash.toString('hex'),
      }),
    );
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    return {
      events: types ? events.filter((e) => types.has(e.type)) : events,
      position: events.at(-1)?.position ?? options.after,
      endOfLog: events.length < limit,
    };
  };
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    streamVersion: (...args) => store.streamVersion(...args),
    readAll,
    subscribe: (...args) => store.subscribe(...args),
    verifyStream: (...args) => store.verifyStream(...args),
    comparePositions: (a, b) => store.comparePositions(a, b),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
