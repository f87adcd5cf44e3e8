import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, equalBytes, hexToBytes } from './bytes.js';
import { checkpointSignatureValid, type SignedCheckpoint } from './checkpoint.js';
import { chainHashInput, contentHashInput, type HashedForm } from './event-hash.js';
import { leafHash, rootFromInclusionPath } from './merkle.js';

/**
 * Everything needed to check, without trusting the server, that one event as shown is in the log a
 * signed checkpoint covers: the event's stored form, its place in its stream and in the log, and the
 * audit path to the checkpoint's root.
 */
export interface EventInclusionProof {
  event: HashedForm & {
    version: number;
    /** The chain hash of the event before it in its stream (64 zeros for the first), hex. */
    previousHash: string;
    /** This event's chain hash, hex. */
    hash: string;
    /** When the store recorded it (ISO 8601, milliseconds). */
    recordedAt: string;
    /** 1: recorded before recorded times entered the chain hash; 2: after. */
    chainScheme: 1 | 2;
  };
  leafIndex: number;
  /** Sibling hashes from the leaf up, hex. */
  path: string[];
  checkpoint: SignedCheckpoint;
}

export interface ProofCheck {
  valid: boolean;
  /** Each check and whether it held, in order; the first that fails explains why. */
  steps: Array<{ step: 'content' | 'chain' | 'inclusion' | 'signature'; ok: boolean }>;
}

/** Recomputes the event's hashes, its leaf, the root its path leads to, and checks the signature. */
export function checkEventProof(proof: EventInclusionProof, publicKey: Uint8Array): ProofCheck {
  const e = proof.event;
  const steps: ProofCheck['steps'] = [];
  let ok = true;
  const record = (step: ProofCheck['steps'][number]['step'], holds: boolean) => {
    steps.push({ step, ok: holds });
    ok &&= holds;
  };
  let chain: Uint8Array | undefined;
  try {
    const content = sha256(contentHashInput(e));
    const recordedAtMs = Date.parse(e.recordedAt);
    chain = sha256(
      chainHashInput(
        hexToBytes(e.previousHash),
        content,
        e.version,
        e.chainScheme === 2 ? { scheme: 2, recordedAtMs } : { scheme: 1 },
      ),
    );
    record('content', true);
    record('chain', bytesToHex(chain) === e.hash.toLowerCase());
    const root = rootFromInclusionPath(
      leafHash(chain, recordedAtMs),
      proof.leafIndex,
      proof.checkpoint.treeSize,
      proof.path.map(hexToBytes),
    );
    record('inclusion', root !== undefined && equalBytes(root, hexToBytes(proof.checkpoint.rootHash)));
  } catch {
    record('content', false);
  }
  record('signature', checkpointSignatureValid(proof.checkpoint, publicKey));
  return { valid: ok, steps };
}
