import { MerkleAccumulator } from '@benvung/log-proof';
import type pg from 'pg';
import { LogTreeDamaged, leafCount, readLeafEvents, readTiles, TILE_SIZE } from './tree-tables.js';

/**
 * The tree as its builder holds it: the root accumulator, the leaves of the tile being filled, and
 * the position of the last leaf. Rebuilt from the stored tiles and the unfinished tile's leaves, so a
 * restart reads n / 256 hashes, not n events.
 */
export interface TreeState {
  accumulator: MerkleAccumulator;
  /** Leaf hashes of the tile not yet complete (fewer than TILE_SIZE). */
  openTile: Uint8Array[];
  /** Store position of the last leaf's event; undefined for an empty tree. */
  position: string | undefined;
}

export async function loadTreeState(pool: Pick<pg.Pool, 'query'>): Promise<TreeState> {
  const size = await leafCount(pool);
  const completeTiles = Math.floor(size / TILE_SIZE);
  const accumulator = new MerkleAccumulator();
  for (const tile of await readTiles(pool, 0, completeTiles)) accumulator.pushSubtree(TILE_SIZE, tile);
  const tail = await readLeafEvents(pool, completeTiles * TILE_SIZE, size);
  const openTile: Uint8Array[] = [];
  // The tree goes on from the leaves it was built with; whether events still match them is verify's job.
  for (const leaf of tail) {
    openTile.push(leaf.storedLeaf);
    accumulator.push(leaf.storedLeaf);
  }
  let position: string | undefined;
  if (size > 0) {
    const r = await pool.query<{ position: string | null }>(
      `SELECT e.tx_id::text || ':' || e.seq AS position FROM es_log_leaves l
       LEFT JOIN es_events e ON e.seq = l.event_seq WHERE l.leaf_index = $1`,
      [size - 1],
    );
    position = r.rows[0]?.position ?? undefined;
    if (!position) throw new LogTreeDamaged(`leaf ${size - 1} names an event that is not in the log`);
  }
  return { accumulator, openTile, position };
}
