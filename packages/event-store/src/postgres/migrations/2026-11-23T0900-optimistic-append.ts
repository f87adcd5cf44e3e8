import { type Kysely, sql } from 'kysely';
import { createLockingAppend } from './2026-11-22T0900-event-log.js';

/**
 * Appends become one INSERT … SELECT (see ../append-statement.ts): the head is read from the stream's
 * last event and the UNIQUE (stream_id, version) index is the concurrency guard, so neither the stream
 * table (an extra row update per append) nor the row lock is needed. NOTIFY moves out of the append
 * transaction: it takes a cluster-wide lock held through commit, which serialised every commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION es_append(text, text, integer, jsonb);
    DROP TABLE es_streams;

    -- hash(n) = sha256(hash(n-1) || content(n) || int4send(n)), as src/hash.ts computes it.
    CREATE FUNCTION es_chain(p_previous bytea, p_first_version integer, p_contents bytea[])
    RETURNS bytea[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE
      v_hash bytea := p_previous;
      v_out  bytea[] := '{}';
    BEGIN
      FOR i IN 1..coalesce(cardinality(p_contents), 0) LOOP
        v_hash := sha256(v_hash || p_contents[i] || int4send(p_first_version + i - 1));
        v_out := v_out || v_hash;
      END LOOP;
      RETURN v_out;
    END $$;

    -- Row triggers do not see TRUNCATE; history must not vanish that way either.
    CREATE FUNCTION es_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'es_events is append-only: truncate refused' USING ERRCODE = 'BVA01';
    END $$;
    CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
      FOR EACH STATEMENT EXECUTE FUNCTION es_events_no_truncate();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER es_events_no_truncate ON es_events;
    DROP FUNCTION es_events_no_truncate();
    DROP FUNCTION es_chain(bytea, integer, bytea[]);
    CREATE TABLE es_streams (
      stream_id   text PRIMARY KEY,
      version     integer NOT NULL CHECK (version >= 0),
      last_hash   bytea NOT NULL
    );
    INSERT INTO es_streams (stream_id, version, last_hash)
      SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM es_events ORDER BY stream_id, version DESC;
  `.execute(db);
  await createLockingAppend(db);
}
