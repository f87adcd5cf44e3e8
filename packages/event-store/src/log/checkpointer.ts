import { bytesToHex, leafHash, merkleRoot, type SignedCheckpoint, signCheckpoint } from '@benvung/log-proof';
import type pg from 'pg';
import type { EventStore } from '../port.js';
import { decodePosition } from '../postgres/position.js';
import { loadTreeState, type TreeState } from './tree-state.js';
import { insertCheckpoint, latestCheckpoint, leafCount, TILE_LEVEL, TILE_SIZE } from './tree-tables.js';

export interface LogCheckpointerOptions {
  store: Pick<EventStore, 'readAll'>;
  pool: pg.Pool;
  /** Ed25519 secret key (32 bytes) that signs checkpoints. */
  secretKey: Uint8Array;
  /** Sign when this many events were added since the last checkpoint (default 10,000). */
  everyEvents?: number;
  /** …or when this long has passed since it and something was added (default 5 minutes). */
  intervalMs?: number;
  /** How often to look for new events when idle (default 1 s). */
  pollMs?: number;
  /** Events read and added per transaction (default 2,000). */
  batchSize?: number;
  /** Called after a checkpoint is committed: publish it outside the database. */
  onCheckpoint?: (checkpoint: SignedCheckpoint) => void | Promise<void>;
  /** A pass failed (database away…): it is retried from what was committed. */
  onError?: (err: unknown) => void;
  now?: () => Date;
}

/** Any builder holds it while adding leaves, so two processes never number the same leaf. */
const TREE_LOCK = 0x6276_6c6f; // "bvlo"

/**
 * Adds every committed event, in commit order, as a leaf of the log's Merkle tree, saves each full
 * 256-leaf tile's root, and now and then signs a checkpoint of the root. Runs beside the projections;
 * the events it reads are the ones a projection reads, so it never numbers a leaf that a late commit
 * could still precede.
 */
export class LogCheckpointer {
  readonly #o: Required<Omit<LogCheckpointerOptions, 'onCheckpoint' | 'onError'>> &
    Pick<LogCheckpointerOptions, 'onCheckpoint' | 'onError'>;
  #state: (TreeState & { signedSize: number; signedAtMs: number }) | undefined;
  #running: Promise<void> | undefined;
  #stop = new AbortController();

  constructor(options: LogCheckpointerOptions) {
    this.#o = {
      everyEvents: 10_000,
      intervalMs: 5 * 60_000,
      pollMs: 1000,
      batchSize: 2000,
      now: () => new Date(),
      ...options,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#stop = new AbortController();
    this.#running = this.#loop(this.#stop.signal);
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#running;
    this.#running = undefined;
  }

  /**
   * One pass: adds the events committed so far, signing checkpoints as they fall due (`sign: true`
   * signs at the end whatever is due). Returns the checkpoints signed.
   */
  async extend(options: { sign?: boolean } = {}): Promise<SignedCheckpoint[]> {
    const signed: SignedCheckpoint[] = [];
    try {
      this.#state ??= await this.#load();
      const state = this.#state;
      for (;;) {
        const page = await this.#o.store.readAll({
          ...(state.position ? { after: state.position } : {}),
          maxCount: this.#o.batchSize,
        });
        const checkpoint = await this.#add(state, page.events, false);
        if (checkpoint) signed.push(checkpoint);
        if (page.events.length === 0 || page.endOfLog) break;
      }
      if (options.sign) {
        const checkpoint = await this.#add(state, [], true);
        if (checkpoint) signed.push(checkpoint);
      }
    } catch (err) {
      // What was committed stays; what was held in memory may not match it: reload next time.
      this.#state = undefined;
      throw err;
    }
    for (const c of signed) await this.#o.onCheckpoint?.(c);
    return signed;
  }

  async #loop(signal: AbortSignal): Promise<void> {
    let delay = this.#o.pollMs;
    while (!signal.aborted) {
      try {
        await this.extend();
        delay = this.#o.pollMs;
      } catch (err) {
        this.#o.onError?.(err);
        delay = Math.min(delay * 2, 30_000);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        // Removed when the timer fires: a listener per pass would pile up on a long-lived signal.
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', wake);
          resolve();
        }, delay);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  async #load(): Promise<TreeState & { signedSize: number; signedAtMs: number }> {
    const tree = await loadTreeState(this.#o.pool);
    const last = await latestCheckpoint(this.#o.pool);
    // Without a checkpoint yet, the interval runs from now: a restart signs no sooner than it would have.
    const signedAtMs = last ? Date.parse(last.signedAt) : this.#o.now().getTime();
    return { ...tree, signedSize: last?.treeSize ?? 0, signedAtMs };
  }

  /** Adds `events` as leaves in one transaction, with any tiles they complete and a checkpoint if due. */
  async #add(
    state: TreeState & { signedSize: number; signedAtMs: number },
    events: ReadonlyArray<{ hash: string; recordedAt: Date; position: string }>,
    forceSign: boolean,
  ): Promise<SignedCheckpoint | undefined> {
    const start = state.accumulator.size;
    const leaves = events.map((e) => leafHash(Buffer.from(e.hash, 'hex'), e.recordedAt.getTime()));
    const grown = state.accumulator.size + leaves.length;
    const now = this.#o.now();
    const due =
      grown > state.signedSize &&
      (forceSign ||
        grown - state.signedSize >= this.#o.everyEvents ||
        now.getTime() - state.signedAtMs >= this.#o.intervalMs);
    if (leaves.length === 0 && !due) return undefined;

    // Work on copies: memory changes only once the transaction commits.
    const openTile = [...state.openTile];
    const tiles: Array<{ index: number; hash: Uint8Array }> = [];
    const accumulator = state.accumulator;
    for (const [i, leaf] of leaves.entries()) {
      openTile.push(leaf);
      if (openTile.length === TILE_SIZE) {
        tiles.push({ index: (start + i + 1) / TILE_SIZE - 1, hash: merkleRoot(openTile) });
        openTile.length = 0;
      }
    }
    const client = await this.#o.pool.connect();
    let checkpoint: SignedCheckpoint | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
      const stored = await leafCount(client);
      if (stored !== start) throw new Error(`the log tree has ${stored} leaves, this builder expected ${start}`);
      if (events.length > 0) {
        await client.query(
          `INSERT INTO es_log_leaves (leaf_index, event_seq, leaf)
           SELECT $1::bigint + i - 1, s, l FROM unnest($2::bigint[], $3::bytea[]) WITH ORDINALITY AS x(s, l, i)`,
          [start, events.map((e) => decodePosition(e.position).seq.toString()), leaves.map((l) => Buffer.from(l))],
        );
      }
      if (tiles.length > 0) {
        await client.query(
          `INSERT INTO es_log_tiles (level, tile_index, hash)
           SELECT ${TILE_LEVEL}, i, h FROM unnest($1::bigint[], $2::bytea[]) AS x(i, h)`,
          [tiles.map((t) => t.index), tiles.map((t) => Buffer.from(t.hash))],
        );
      }
      // The accumulator is only extended here, after every check that can fail before the commit.
      for (const leaf of leaves) accumulator.push(leaf);
      const position = events.at(-1)?.position ?? state.position;
      if (due && position) {
        checkpoint = signCheckpoint(
          { treeSize: grown, rootHash: bytesToHex(accumulator.root()), position, signedAt: now.toISOString() },
          this.#o.secretKey,
        );
        await insertCheckpoint(client, checkpoint);
      }
      await client.query('COMMIT');
      state.openTile = openTile;
      state.position = position;
      if (checkpoint) {
        state.signedSize = checkpoint.treeSize;
        state.signedAtMs = now.getTime();
      }
      return checkpoint;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}
