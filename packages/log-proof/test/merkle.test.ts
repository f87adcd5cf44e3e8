import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  inclusionPath,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
  rootFromInclusionPath,
  splitPoint,
} from '../src/index.js';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => sha256(Uint8Array.of(i & 255, i >> 8)));

/** RFC 9162's definition, written as plainly as possible, to hold the fast forms to. */
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 1) return d[0] as Uint8Array;
  const k = splitPoint(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}

describe('Merkle tree', () => {
  it('the accumulator gives the definition’s root for every size up to 300', () => {
    const all = leaves(300);
    const acc = new MerkleAccumulator();
    for (let n = 1; n <= all.length; n++) {
      acc.push(all[n - 1] as Uint8Array);
      expect(bytesToHex(acc.root()), `size ${n}`).toBe(bytesToHex(mth(all.slice(0, n))));
    }
  });

  it('starts from saved perfect subtrees as if it had seen every leaf', () => {
    const all = leaves(700);
    const resumed = MerkleAccumulator.fromSubtrees([
      { size: 512, hash: merkleRoot(all.slice(0, 512)) },
      { size: 128, hash: merkleRoot(all.slice(512, 640)) },
    ]);
    for (const leaf of all.slice(640)) resumed.push(leaf);
    expect(resumed.size).toBe(700);
    expect(bytesToHex(resumed.root())).toBe(bytesToHex(merkleRoot(all)));
    expect(() =>
      MerkleAccumulator.fromSubtrees([
        { size: 2, hash: all[0] as Uint8Array },
        { size: 4, hash: all[1] as Uint8Array },
      ]),
    ).toThrow(RangeError);
  });

  it('every leaf’s audit path leads to the root, for every size up to 70', () => {
    for (let n = 1; n <= 70; n++) {
      const d = leaves(n);
      const root = mth(d);
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(m, n, (lo, hi) => mth(d.slice(lo, hi)));
        const got = rootFromInclusionPath(d[m] as Uint8Array, m, n, path);
        expect(got && bytesToHex(got), `leaf ${m} of ${n}`).toBe(bytesToHex(root));
      }
    }
  });

  it('a changed leaf, a wrong index, a short or long path do not reach the root', () => {
    const d = leaves(37);
    const root = bytesToHex(mth(d));
    const path = inclusionPath(20, 37, (lo, hi) => mth(d.slice(lo, hi)));
    const reach = (leaf: Uint8Array, m: number, p: Uint8Array[]) => {
      const r = rootFromInclusionPath(leaf, m, 37, p);
      return r ? bytesToHex(r) : undefined;
    };
    expect(reach(d[20] as Uint8Array, 20, path)).toBe(root);
    expect(reach(d[21] as Uint8Array, 20, path)).not.toBe(root);
    expect(reach(d[20] as Uint8Array, 21, path)).not.toBe(root);
    expect(reach(d[20] as Uint8Array, 20, path.slice(1))).not.toBe(root);
    expect(reach(d[20] as Uint8Array, 20, [...path, d[0] as Uint8Array])).not.toBe(root);
    expect(rootFromInclusionPath(d[0] as Uint8Array, 37, 37, path)).toBeUndefined();
  });
});
