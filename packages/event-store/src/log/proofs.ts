import {
  bytesToHex,
  type EventInclusionProof,
  inclusionPath,
  merkleRoot,
  nodeHash,
  type SignedCheckpoint,
  splitPoint,
} from '@benvung/log-proof';
import type pg from 'pg';
import { GENESIS_HASH } from '../hash.js';
import type { EventMetadata } from '../port.js';
import { latestCheckpoint, readCheckpoints, readLeafEvents, readTiles, TILE_SIZE } from './tree-tables.js';

export type ProofAnswer =
  | { covered: true; proof: EventInclusionProof }
  | { covered: false; reason: 'no_event' }
  | { covered: false; reason: 'no_checkpoint' | 'not_yet_covered'; streamId: string; checkpoint?: SignedCheckpoint };

interface ProofRow {
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  personal_digest: Buffer | null;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  chain_scheme: 1 | 2;
  hash: Buffer;
  previous_hash: Buffer | null;
  leaf_index: string | null;
}

const PROOF_COLUMNS = `e.event_id, e.stream_id, e.version, e.type, e.schema_version, e.data, e.personal_digest,
  e.metadata, e.occurred_at, e.recorded_at, e.chain_scheme, e.hash, prev.hash AS previous_hash, l.leaf_index`;
const PROOF_JOINS = `LEFT JOIN es_events prev ON prev.stream_id = e.stream_id AND prev.version = e.version - 1
  LEFT JOIN es_log_leaves l ON l.event_seq = e.seq`;

/** Stored leaves read for the proofs of one request (of one checkpoint), by tile. */
interface LoadedLeaves {
  tiles: Set<number>;
  leaves: Map<number, Uint8Array>;
}
const newLoadedLeaves = (): LoadedLeaves => ({ tiles: new Set(), leaves: new Map() });

/**
 * Inclusion proofs of events in a signed checkpoint, computed from the events as they are stored now
 * (a rewritten event leads to another root) and from saved 256-leaf tiles. Tiles and perfect subtrees
 * above them never change once written, so they are kept across requests.
 */
export class LogProofs {
  readonly #pool: pg.Pool;
  readonly #tiles: Buffer[] = [];
  readonly #perfect = new Map<string, Uint8Array>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    return latestCheckpoint(this.#pool);
  }

  checkpoints(atMost: number, before?: number): Promise<SignedCheckpoint[]> {
    return readCheckpoints(this.#pool, atMost, before);
  }

  /** The proof of one event in the latest checkpoint (or `checkpoint`). */
  async forEvent(eventId: string, checkpoint?: SignedCheckpoint): Promise<ProofAnswer> {
    const r = await this.#pool.query<ProofRow>({
      name: 'es_log_proof_event',
      text: `SELECT ${PROOF_COLUMNS} FROM es_events e ${PROOF_JOINS} WHERE e.event_id = $1`,
      values: [eventId],
    });
    const row = r.rows[0];
    if (!row) return { covered: false, reason: 'no_event' };
    return this.#prove(row, checkpoint ?? (await this.latestCheckpoint()));
  }

  /** The proofs of every event of a stream, in version order. */
  async forStream(streamId: string, checkpoint?: SignedCheckpoint): Promise<ProofAnswer[]> {
    const cp = checkpoint ?? (await this.latestCheckpoint());
    const r = await this.#pool.query<ProofRow>({
      name: 'es_log_proof_stream',
      text: `SELECT ${PROOF_COLUMNS} FROM es_events e ${PROOF_JOINS} WHERE e.stream_id = $1 ORDER BY e.version`,
      values: [streamId],
    });
    const out: ProofAnswer[] = [];
    const loaded = newLoadedLeaves();
    for (const row of r.rows) out.push(await this.#prove(row, cp, loaded));
    return out;
  }

  async #prove(
    row: ProofRow,
    checkpoint: SignedCheckpoint | undefined,
    loaded = newLoadedLeaves(),
  ): Promise<ProofAnswer> {
    if (!checkpoint) return { covered: false, reason: 'no_checkpoint', streamId: row.stream_id };
    const index = row.leaf_index === null ? undefined : Number(row.leaf_index);
    if (index === undefined || index >= checkpoint.treeSize) {
      return { covered: false, reason: 'not_yet_covered', streamId: row.stream_id, checkpoint };
    }
    const path = await this.#path(index, checkpoint.treeSize, loaded);
    return {
      covered: true,
      proof: {
        event: {
          eventId: row.event_id,
          streamId: row.stream_id,
          type: row.type,
          schemaVersion: row.schema_version,
          data: row.data,
          personalDigest: row.personal_digest ? row.personal_digest.toString('hex') : null,
          metadata: row.metadata as unknown as Record<string, unknown>,
          occurredAt: row.occurred_at.toISOString(),
          version: row.version,
          previousHash: (row.previous_hash ?? GENESIS_HASH).toString('hex'),
          hash: row.hash.toString('hex'),
          recordedAt: row.recorded_at.toISOString(),
          chainScheme: row.chain_scheme,
        },
        leafIndex: index,
        path: path.map(bytesToHex),
        checkpoint,
      },
    };
  }

  /** The audit path, from the events of the leaf's tile and the tree's last tile, and saved tiles. */
  async #path(index: number, size: number, loaded: LoadedLeaves): Promise<Uint8Array[]> {
    const complete = Math.floor(size / TILE_SIZE);
    if (this.#tiles.length < complete) this.#tiles.push(...(await readTiles(this.#pool, this.#tiles.length, complete)));
    const { leaves } = loaded;
    const loadTile = async (tile: number) => {
      // A stream's events often share a tile, and every path needs the last one: each is read once.
      if (loaded.tiles.has(tile)) return;
      loaded.tiles.add(tile);
      const from = tile * TILE_SIZE;
      for (const l of await readLeafEvents(this.#pool, from, Math.min(from + TILE_SIZE, size))) {
        // Neighbours as added to the tree; the proven leaf itself the caller rebuilds from the event.
        leaves.set(l.leafIndex, l.storedLeaf);
      }
    };
    await loadTile(Math.floor(index / TILE_SIZE));
    if (complete * TILE_SIZE < size && Math.floor(index / TILE_SIZE) !== complete) await loadTile(complete);
    const subtree = (lo: number, hi: number): Uint8Array => {
      const n = hi - lo;
      if (n === 1) return leaves.get(lo) ?? new Uint8Array(32);
      // A perfect, aligned range of whole tiles, other than the leaf's own: from the saved tiles.
      const ownTile = Math.floor(index / TILE_SIZE);
      const aligned = n >= TILE_SIZE && (n & (n - 1)) === 0 && lo % n === 0;
      if (aligned && !(lo <= ownTile * TILE_SIZE && ownTile * TILE_SIZE < hi)) return this.#perfectRange(lo, hi);
      const k = splitPoint(n);
      return nodeHash(subtree(lo, lo + k), subtree(lo + k, hi));
    };
    return inclusionPath(index, size, subtree);
  }

  #perfectRange(lo: number, hi: number): Uint8Array {
    const key = `${lo}:${hi}`;
    let hash = this.#perfect.get(key);
    if (!hash) {
      hash = merkleRoot(this.#tiles.slice(lo / TILE_SIZE, hi / TILE_SIZE));
      // Only large ranges are worth keeping; small ones are cheap to recompute.
      if (hi - lo >= TILE_SIZE * 64) this.#perfect.set(key, hash);
    }
    return hash;
  }
}
