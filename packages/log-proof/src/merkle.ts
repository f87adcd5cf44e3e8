import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, int64 } from './bytes.js';

/**
 * The log's Merkle tree, as RFC 9162 (Certificate Transparency 2.0) defines it: leaves and interior
 * nodes are hashed with distinct prefixes so a leaf can never pass for a node, and a tree of n leaves
 * splits at the largest power of two below n, so it only ever grows on the right and any older root
 * stays provable.
 */

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/**
 * A leaf is one event: its chain hash (which covers its content, stream and version) and the time the
 * store recorded it, so neither can change without changing the root.
 */
export function leafHash(eventHash: Uint8Array, recordedAtMs: number): Uint8Array {
  return sha256(concatBytes(LEAF, eventHash, int64(recordedAtMs)));
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concatBytes(NODE, left, right));
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root of a whole list of leaves, in memory: for tiles and tests. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  const acc = new MerkleAccumulator();
  for (const leaf of leaves) acc.push(leaf);
  return acc.root();
}

/** Hash of the leaves [lo, hi): supplied by whoever holds the leaves or stored subtrees. */
export type SubtreeHash = (lo: number, hi: number) => Uint8Array;

/**
 * The audit path of leaf `index` in a tree of `size` leaves: the sibling subtrees from the leaf up
 * (RFC 9162 §2.1.3.1). Every range asked of `subtree` starts on a multiple of its own size rounded up
 * to a power of two, so a store can answer complete ranges from saved subtree hashes.
 */
export function inclusionPath(index: number, size: number, subtree: SubtreeHash): Uint8Array[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  const siblings: Array<[number, number]> = [];
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push([lo + k, hi]);
      hi = lo + k;
    } else {
      siblings.push([lo, lo + k]);
      lo += k;
    }
  }
  // Collected top-down; the path runs bottom-up.
  for (let i = siblings.length - 1; i >= 0; i--) {
    const [a, b] = siblings[i] as [number, number];
    path.push(subtree(a, b));
  }
  return path;
}

/**
 * The root a leaf and its audit path lead to (RFC 9162 §2.1.3.2); undefined when the path has the
 * wrong length for the leaf's place in a tree of `size`.
 */
export function rootFromInclusionPath(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
): Uint8Array | undefined {
  if (!(index >= 0 && index < size)) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // A right edge without a sibling at this level: climb until this node is a right child.
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

/**
 * The root of a growing list of leaves in O(log n) memory: the perfect subtrees of the tree so far,
 * largest first (one per set bit of the size). This is how the whole log is hashed without holding it.
 */
export class MerkleAccumulator {
  readonly #stack: Array<{ size: number; hash: Uint8Array }> = [];
  #size = 0;

  /** Starts from perfect subtrees already hashed (largest first), e.g. saved 256-leaf tiles. */
  static fromSubtrees(subtrees: ReadonlyArray<{ size: number; hash: Uint8Array }>): MerkleAccumulator {
    const acc = new MerkleAccumulator();
    for (const s of subtrees) acc.pushSubtree(s.size, s.hash);
    return acc;
  }

  get size(): number {
    return this.#size;
  }

  push(leaf: Uint8Array): void {
    this.pushSubtree(1, leaf);
  }

  /** Adds a perfect subtree of `size` leaves (a power of two no larger than the smallest held). */
  pushSubtree(size: number, hash: Uint8Array): void {
    const top = this.#stack.at(-1);
    if (top && top.size < size) throw new RangeError('subtrees must be added largest first');
    let node = { size, hash };
    for (let last = this.#stack.at(-1); last && last.size === node.size; last = this.#stack.at(-1)) {
      this.#stack.pop();
      node = { size: node.size * 2, hash: nodeHash(last.hash, node.hash) };
    }
    this.#stack.push(node);
    this.#size += size;
  }

  root(): Uint8Array {
    if (this.#stack.length === 0) return sha256(new Uint8Array(0));
    let i = this.#stack.length - 1;
    let hash = (this.#stack[i] as { hash: Uint8Array }).hash;
    for (i -= 1; i >= 0; i--) hash = nodeHash((this.#stack[i] as { hash: Uint8Array }).hash, hash);
    return hash;
  }
}
