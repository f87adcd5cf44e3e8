import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, fromBase64Url, hexToBytes, toBase64Url, utf8ToBytes } from './bytes.js';

/**
 * A checkpoint: the log's size and Merkle root at a position, signed with the service's Ed25519 key.
 * Once a checkpoint is copied outside the database, rewriting any event it covers — even with every
 * hash recomputed — yields another root, which the signature does not cover.
 */
export interface Checkpoint {
  /** Events covered: leaves 0 … treeSize − 1 of the log in commit order. */
  treeSize: number;
  /** The Merkle root over those leaves, hex. */
  rootHash: string;
  /** The store position of the last covered event. */
  position: string;
  /** When it was signed (ISO 8601). */
  signedAt: string;
  /** First 16 hex digits of SHA-256 of the public key: which key signed. */
  keyId: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 signature over `checkpointMessage`, base64url. */
  signature: string;
}

const FORMAT = 'benvung log checkpoint v1';

/** The exact bytes signed: one field per line, so no field can bleed into another. */
export function checkpointMessage(c: Checkpoint): Uint8Array {
  return utf8ToBytes(`${FORMAT}\n${c.treeSize}\n${c.rootHash}\n${c.position}\n${c.signedAt}\n${c.keyId}\n`);
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function keyIdOf(publicKey: Uint8Array): string {
  return bytesToHex(sha256(publicKey)).slice(0, 16);
}

export function signCheckpoint(c: Omit<Checkpoint, 'keyId'>, secretKey: Uint8Array): SignedCheckpoint {
  const checkpoint: Checkpoint = { ...c, keyId: keyIdOf(publicKeyOf(secretKey)) };
  return { ...checkpoint, signature: toBase64Url(ed25519.sign(checkpointMessage(checkpoint), secretKey)) };
}

/** Whether `publicKey` signed this checkpoint, exactly as it reads. */
export function checkpointSignatureValid(c: SignedCheckpoint, publicKey: Uint8Array): boolean {
  try {
    if (c.keyId !== keyIdOf(publicKey)) return false;
    return ed25519.verify(fromBase64Url(c.signature), checkpointMessage(c), publicKey);
  } catch {
    return false;
  }
}

const LINE_TAG = 'benvung-checkpoint';

/** One line an operator can paste anywhere (a ticket, a mail, a paper log) and verify against later. */
export function publishedLine(c: SignedCheckpoint): string {
  return [LINE_TAG, 'v1', c.treeSize, c.rootHash, c.position, c.signedAt, c.keyId, c.signature].join(' ');
}

export function parsePublishedLine(line: string): SignedCheckpoint | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 8 || parts[0] !== LINE_TAG || parts[1] !== 'v1') return undefined;
  const [, , size, rootHash, position, signedAt, keyId, signature] = parts as string[];
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize) || treeSize < 0 || !/^[0-9a-f]{64}$/.test(rootHash ?? '')) return undefined;
  return {
    treeSize,
    rootHash: rootHash as string,
    position: position as string,
    signedAt: signedAt as string,
    keyId: keyId as string,
    signature: signature as string,
  };
}

/** A public key as configured or published: 64 hex digits or 43 base64url characters. */
export function parsePublicKey(text: string): Uint8Array {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? hexToBytes(t.toLowerCase()) : fromBase64Url(t);
  if (key.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  return key;
}
