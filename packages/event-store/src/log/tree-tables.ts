import type { SignedCheckpoint } from '@benvung/log-proof';
import type pg from 'pg';

/** Leaves per stored tile: subtree roots of 256 leaves make proofs and restarts cheap (as tlog's tiles). */
export const TILE_SIZE = 256;
export const TILE_LEVEL = 8;

/** Queries on the log's Merkle tables (see the 2026-12-06T2200 migration). */
type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** How many leaves the tree has. */
export async function leafCount(db: Queryable): Promise<number> {
  const r = await db.query<{ n: string | null }>('SELECT max(leaf_index) + 1 AS n FROM es_log_leaves');
  return Number(r.rows[0]?.n ?? 0);
}

/** Stored 256-leaf subtree roots with index in [from, to), in order. */
export async function readTiles(db: Queryable, from: number, to: number): Promise<Buffer[]> {
  if (to <= from) return [];
  const r = await db.query<{ tile_index: string; hash: Buffer }>({
    name: 'es_log_tiles_range',
    text: `SELECT tile_index, hash FROM es_log_tiles WHERE level = ${TILE_LEVEL} AND tile_index >= $1 AND tile_index < $2
           ORDER BY tile_index`,
    values: [from, to],
  });
  return r.rows.map((row, i) => {
    if (Number(row.tile_index) !== from + i) throw new LogTreeDamaged(`tile ${from + i} is missing`);
    return row.hash;
  });
}

export interface LeafEvent {
  leafIndex: number;
  /** The leaf hash as added to the tree. */
  storedLeaf: Buffer;
  /** null when the leaf names an event that is no longer in es_events. */
  eventHash: Buffer | null;
  recordedAtMs: number | null;
  eventId: string | null;
  streamId: string | null;
  version: number | null;
  position: string | null;
}

/** The events of leaves [from, to), as they are stored now. */
export async function readLeafEvents(db: Queryable, from: number, to: number): Promise<LeafEvent[]> {
  if (to <= from) return [];
  const r = await db.query<{
    leaf_index: string;
    leaf: Buffer;
    hash: Buffer | null;
    recorded_ms: number | null;
    event_id: string | null;
    stream_id: string | null;
    version: number | null;
    position: string | null;
  }>({
    name: 'es_log_leaf_events',
    text: `SELECT l.leaf_index, l.leaf, e.hash, (extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded_ms,
                  e.event_id, e.stream_id, e.version, e.tx_id::text || ':' || e.seq AS position
           FROM es_log_leaves l LEFT JOIN es_events e ON e.seq = l.event_seq
           WHERE l.leaf_index >= $1 AND l.leaf_index < $2 ORDER BY l.leaf_index`,
    values: [from, to],
  });
  return r.rows.map((row, i) => {
    if (Number(row.leaf_index) !== from + i) throw new LogTreeDamaged(`leaf ${from + i} is missing`);
    return {
      leafIndex: from + i,
      storedLeaf: row.leaf,
      eventHash: row.hash,
      // Whole milliseconds, as Date and the chain hash take them.
      recordedAtMs: row.recorded_ms === null ? null : Math.floor(row.recorded_ms),
      eventId: row.event_id,
      streamId: row.stream_id,
      version: row.version,
      position: row.position,
    };
  });
}

interface CheckpointRow {
  tree_size: string;
  root_hash: Buffer;
  position: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash.toString('hex'),
    position: row.position,
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** Checkpoints, newest first; `atMost` bounds the answer. */
export async function readCheckpoints(db: Queryable, atMost: number, before?: number): Promise<SignedCheckpoint[]> {
  const r = await db.query<CheckpointRow>({
    name: 'es_log_checkpoints_page',
    text: `SELECT tree_size, root_hash, position, signed_at, key_id, signature FROM es_log_checkpoints
           WHERE tree_size < $2 ORDER BY tree_size DESC LIMIT $1`,
    values: [atMost, before ?? Number.MAX_SAFE_INTEGER],
  });
  return r.rows.map(toCheckpoint);
}

export async function latestCheckpoint(db: Queryable): Promise<SignedCheckpoint | undefined> {
  return (await readCheckpoints(db, 1))[0];
}

export async function insertCheckpoint(db: Queryable, c: SignedCheckpoint): Promise<void> {
  await db.query(
    `INSERT INTO es_log_checkpoints (tree_size, root_hash, position, signed_at, key_id, signature)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.treeSize, Buffer.from(c.rootHash, 'hex'), c.position, c.signedAt, c.keyId, c.signature],
  );
}

/** The leaf table or a tile is not what the tree needs: rows missing or out of order. */
export class LogTreeDamaged extends Error {
  override name = 'LogTreeDamaged';
}
