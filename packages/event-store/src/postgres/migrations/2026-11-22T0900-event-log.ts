import { type Kysely, sql } from 'kysely';

/**
 * The event log. Global order is (tx_id, seq): a subscriber reads only transactions older than the
 * oldest one still running (pg_snapshot_xmin), so one that commits late is never skipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE es_streams (
      stream_id   text PRIMARY KEY,
      version     integer NOT NULL CHECK (version >= 0),
      last_hash   bytea NOT NULL
    );

    CREATE TABLE es_events (
      seq              bigint GENERATED ALWAYS AS IDENTITY,
      tx_id            xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_id        text NOT NULL,
      version          integer NOT NULL CHECK (version >= 1),
      event_id         uuid NOT NULL,
      type             text NOT NULL,
      schema_version   integer NOT NULL,
      data             jsonb NOT NULL,
      personal         jsonb,
      personal_digest  bytea,
      metadata         jsonb NOT NULL,
      occurred_at      timestamptz NOT NULL,
      recorded_at      timestamptz NOT NULL DEFAULT now(),
      content_hash     bytea NOT NULL,
      hash             bytea NOT NULL,
      PRIMARY KEY (seq),
      UNIQUE (stream_id, version),
      UNIQUE (event_id)
    );
    CREATE INDEX es_events_global_order ON es_events (tx_id, seq);
    CREATE INDEX es_events_type_order ON es_events (type, tx_id, seq);
  `.execute(db);

  // History is append-only. The one permitted change is erasing personal data, which the chain
  // tolerates because only the personal digest is hashed.
  await sql`
    CREATE FUNCTION es_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'es_events is append-only: delete refused' USING ERRCODE = 'BVA01';
      END IF;
      IF NEW.personal IS NOT NULL
         OR (NEW.seq, NEW.tx_id, NEW.stream_id, NEW.version, NEW.event_id, NEW.type, NEW.schema_version,
             NEW.data, NEW.personal_digest, NEW.metadata, NEW.occurred_at, NEW.recorded_at,
             NEW.content_hash, NEW.hash)
            IS DISTINCT FROM
            (OLD.seq, OLD.tx_id, OLD.stream_id, OLD.version, OLD.event_id, OLD.type, OLD.schema_version,
             OLD.data, OLD.personal_digest, OLD.metadata, OLD.occurred_at, OLD.recorded_at,
             OLD.content_hash, OLD.hash) THEN
        RAISE EXCEPTION 'es_events is append-only: only erasing personal data is allowed' USING ERRCODE = 'BVA01';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
      FOR EACH ROW EXECUTE FUNCTION es_events_append_only();
  `.execute(db);

  await createLockingAppend(db);
}

/** The first append function: kept callable so a later migration's down() can restore it. */
export async function createLockingAppend(db: Kysely<unknown>): Promise<void> {
  // One round trip per append: lock the stream, check idempotency and the expected version, chain the
  // hashes, insert every event with one statement, move the stream head, wake subscribers.
  // Superseded by 2026-11-23T0900-optimistic-append (NOTIFY inside the transaction serialised commits).
  await sql`
    CREATE FUNCTION es_append(
      p_stream_id text,
      p_expected_kind text,      -- 'exact' | 'no_stream' | 'stream_exists' | 'any'
      p_expected_version integer,
      p_events jsonb             -- [{eventId,type,schemaVersion,data,personal,personalDigest,metadata,occurredAt,contentHash}]
    ) RETURNS TABLE (next_version integer, last_tx xid8, last_seq bigint, replayed boolean)
    LANGUAGE plpgsql AS $$
    DECLARE
      v_current   integer;
      v_hash      bytea;
      v_count     integer := jsonb_array_length(p_events);
      v_found     integer;
      v_same      integer;
      v_hashes    bytea[] := '{}';
      v_content   bytea;
      i           integer;
    BEGIN
      INSERT INTO es_streams (stream_id, version, last_hash)
        VALUES (p_stream_id, 0, decode(repeat('00', 32), 'hex'))
        ON CONFLICT (stream_id) DO NOTHING;
      SELECT s.version, s.last_hash INTO v_current, v_hash
        FROM es_streams s WHERE s.stream_id = p_stream_id FOR UPDATE;

      -- Idempotency, checked under the stream lock so a concurrent retry sees the first commit.
      SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id
                                          AND e.content_hash = decode(x.value->>'contentHash', 'hex'))
        INTO v_found, v_same
        FROM jsonb_array_elements(p_events) x
        JOIN es_events e ON e.event_id = (x.value->>'eventId')::uuid;
      IF v_found > 0 THEN
        IF v_found = v_count AND v_same = v_count THEN
          RETURN QUERY
            SELECT max(e.version), (array_agg(e.tx_id ORDER BY e.version DESC))[1], max(e.seq), true
            FROM es_events e
            WHERE e.event_id IN (SELECT (x.value->>'eventId')::uuid FROM jsonb_array_elements(p_events) x);
          RETURN;
        END IF;
        RAISE EXCEPTION 'idempotency conflict' USING ERRCODE = 'BVI01', DETAIL = p_stream_id;
      END IF;

      IF (p_expected_kind = 'no_stream' AND v_current <> 0)
         OR (p_expected_kind = 'stream_exists' AND v_current = 0)
         OR (p_expected_kind = 'exact' AND v_current <> p_expected_version) THEN
        RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'BVC01', DETAIL = v_current::text;
      END IF;

      FOR i IN 1..v_count LOOP
        v_content := decode(p_events->(i - 1)->>'contentHash', 'hex');
        v_hash := sha256(v_hash || v_content || int4send(v_current + i));
        v_hashes := v_hashes || v_hash;
      END LOOP;

      INSERT INTO es_events (stream_id, version, event_id, type, schema_version, data, personal,
                             personal_digest, metadata, occurred_at, content_hash, hash)
        SELECT p_stream_id, v_current + x.n::integer, (x.value->>'eventId')::uuid, x.value->>'type',
               (x.value->>'schemaVersion')::integer, x.value->'data',
               NULLIF(x.value->'personal', 'null'::jsonb),
               decode(x.value->>'personalDigest', 'hex'), x.value->'metadata',
               (x.value->>'occurredAt')::timestamptz, decode(x.value->>'contentHash', 'hex'),
               v_hashes[x.n]
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(value, n);

      UPDATE es_streams SET version = v_current + v_count, last_hash = v_hash
        WHERE stream_id = p_stream_id;
      PERFORM pg_notify('es_events', '');

      RETURN QUERY SELECT v_current + v_count, pg_current_xact_id(), currval(pg_get_serial_sequence('es_events', 'seq')), false;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION IF EXISTS es_append(text, text, integer, jsonb);
    DROP TABLE IF EXISTS es_events;
    DROP FUNCTION IF EXISTS es_events_append_only();
    DROP TABLE IF EXISTS es_streams;
  `.execute(db);
}
