import { type Kysely, sql } from 'kysely';

/**
 * What makes a rewrite of history visible even to someone with full rights on the database:
 *
 * - `chain_scheme` 2: an event's chain hash also covers the time the store recorded it (whole
 *   milliseconds, so every reader can recompute it). Events stored before keep scheme 1; their
 *   recorded times are covered by the log's Merkle leaves instead.
 * - `es_stream_heads`: each stream's last version and hash, written by the append statement itself,
 *   so a stream whose events end before its head (the last event deleted) is caught.
 * - `es_log_leaves`, `es_log_tiles`, `es_log_checkpoints`: the Merkle tree over every event in commit
 *   order, and the signed checkpoints of its root (see ../log/).
 *
 * Each table refuses deletes and rewrites by trigger; that stops mistakes, not a superuser. What stops
 * a superuser is the signature on a checkpoint published outside the database.
 */
/** The append-only guard over every column but `personal`, which may only become NULL (erasure). */
function appendOnlyGuard(columns: string) {
  const list = (row: string) =>
    columns
      .split(',')
      .map((c) => `${row}.${c.trim()}`)
      .join(', ');
  return sql.raw(`
    CREATE OR REPLACE FUNCTION es_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'es_events is append-only: delete refused' USING ERRCODE = 'BVA01';
      END IF;
      IF NEW.personal IS NOT NULL OR (${list('NEW')}) IS DISTINCT FROM (${list('OLD')}) THEN
        RAISE EXCEPTION 'es_events is append-only: only erasing personal data is allowed' USING ERRCODE = 'BVA01';
      END IF;
      RETURN NEW;
    END $$;`);
}

const GUARDED = `seq, tx_id, stream_id, version, event_id, type, schema_version, data, personal_digest, metadata,
  occurred_at, recorded_at, content_hash, hash`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE es_events ADD COLUMN IF NOT EXISTS chain_scheme smallint NOT NULL DEFAULT 1 CHECK (chain_scheme IN (1, 2));
  `.execute(db);
  await appendOnlyGuard(`${GUARDED}, chain_scheme`).execute(db);
  await sql`

    -- Scheme 2: hash(n) = sha256(hash(n-1) || content(n) || int4send(n) || int8send(recorded ms)).
    CREATE FUNCTION es_chain2(p_previous bytea, p_first_version integer, p_contents bytea[], p_recorded_ms bigint)
    RETURNS bytea[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE
      v_hash bytea := p_previous;
      v_out  bytea[] := '{}';
    BEGIN
      FOR i IN 1..coalesce(cardinality(p_contents), 0) LOOP
        v_hash := sha256(v_hash || p_contents[i] || int4send(p_first_version + i - 1) || int8send(p_recorded_ms));
        v_out := v_out || v_hash;
      END LOOP;
      RETURN v_out;
    END $$;

    CREATE TABLE es_stream_heads (
      stream_id text PRIMARY KEY,
      version   integer NOT NULL CHECK (version >= 1),
      hash      bytea NOT NULL
    );
    INSERT INTO es_stream_heads (stream_id, version, hash)
      SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM es_events ORDER BY stream_id, version DESC;

    CREATE FUNCTION es_stream_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.stream_id <> OLD.stream_id OR NEW.version <= OLD.version THEN
        RAISE EXCEPTION 'es_stream_heads only moves forward' USING ERRCODE = 'BVA01';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER es_stream_heads_forward_only BEFORE UPDATE OR DELETE ON es_stream_heads
      FOR EACH ROW EXECUTE FUNCTION es_stream_heads_forward_only();
    CREATE TRIGGER es_stream_heads_no_truncate BEFORE TRUNCATE ON es_stream_heads
      FOR EACH STATEMENT EXECUTE FUNCTION es_events_no_truncate();

    -- Leaf i of the log's Merkle tree is the event with this seq; leaves follow commit order. The
    -- leaf hash is kept as it was when added: a proof of one event takes its own leaf from the event
    -- as stored now and its neighbours' from here, so a rewrite shows on the event rewritten.
    CREATE TABLE es_log_leaves (
      leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
      event_seq  bigint NOT NULL UNIQUE,
      leaf       bytea NOT NULL
    );
    -- Roots of complete, aligned subtrees of 2^level leaves: proofs and restarts read these, not leaves.
    CREATE TABLE es_log_tiles (
      level      smallint NOT NULL,
      tile_index bigint NOT NULL,
      hash       bytea NOT NULL,
      PRIMARY KEY (level, tile_index)
    );
    CREATE TABLE es_log_checkpoints (
      tree_size  bigint PRIMARY KEY CHECK (tree_size >= 1),
      root_hash  bytea NOT NULL,
      position   text NOT NULL,
      signed_at  timestamptz NOT NULL,
      key_id     text NOT NULL,
      signature  text NOT NULL
    );

    CREATE FUNCTION es_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'BVA01';
    END $$;
    CREATE TRIGGER es_log_leaves_immutable BEFORE UPDATE OR DELETE ON es_log_leaves
      FOR EACH ROW EXECUTE FUNCTION es_log_immutable();
    CREATE TRIGGER es_log_tiles_immutable BEFORE UPDATE OR DELETE ON es_log_tiles
      FOR EACH ROW EXECUTE FUNCTION es_log_immutable();
    CREATE TRIGGER es_log_checkpoints_immutable BEFORE UPDATE OR DELETE ON es_log_checkpoints
      FOR EACH ROW EXECUTE FUNCTION es_log_immutable();
    CREATE TRIGGER es_log_leaves_no_truncate BEFORE TRUNCATE ON es_log_leaves
      FOR EACH STATEMENT EXECUTE FUNCTION es_events_no_truncate();
    CREATE TRIGGER es_log_tiles_no_truncate BEFORE TRUNCATE ON es_log_tiles
      FOR EACH STATEMENT EXECUTE FUNCTION es_events_no_truncate();
    CREATE TRIGGER es_log_checkpoints_no_truncate BEFORE TRUNCATE ON es_log_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION es_events_no_truncate();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE es_log_checkpoints, es_log_tiles, es_log_leaves, es_stream_heads;
    DROP FUNCTION es_log_immutable();
    DROP FUNCTION es_stream_heads_forward_only();
    DROP FUNCTION es_chain2(bytea, integer, bytea[], bigint);
  `.execute(db);
  // chain_scheme stays: it says how each stored event was hashed, which a later up() must still know.
  // Appends made meanwhile by the earlier code take its default, 1, which is how that code hashes.
}
