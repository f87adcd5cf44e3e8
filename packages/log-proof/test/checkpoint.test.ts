import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  checkpointSignatureValid,
  keyIdOf,
  parsePublicKey,
  parsePublishedLine,
  publicKeyOf,
  publishedLine,
  signCheckpoint,
} from '../src/index.js';

const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const other = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
const fields = {
  treeSize: 1234,
  rootHash: 'ab'.repeat(32),
  position: '812:4410',
  signedAt: '2026-12-06T23:00:00.000Z',
};

describe('signed checkpoints', () => {
  it('verify with the signer’s public key only, and not once any field changes', () => {
    const signed = signCheckpoint(fields, secret);
    const pub = publicKeyOf(secret);
    expect(signed.keyId).toBe(keyIdOf(pub));
    expect(checkpointSignatureValid(signed, pub)).toBe(true);
    expect(checkpointSignatureValid(signed, publicKeyOf(other))).toBe(false);
    expect(checkpointSignatureValid({ ...signed, treeSize: 1235 }, pub)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, rootHash: 'cd'.repeat(32) }, pub)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signedAt: '2026-12-07T00:00:00.000Z' }, pub)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signature: 'not base64!' }, pub)).toBe(false);
  });

  it('survive being pasted as one line', () => {
    const signed = signCheckpoint(fields, secret);
    const line = publishedLine(signed);
    expect(line.startsWith('benvung-checkpoint v1 1234 ')).toBe(true);
    expect(parsePublishedLine(`  ${line}\n`)).toEqual(signed);
    expect(parsePublishedLine('benvung-checkpoint v2 1 2')).toBeUndefined();
  });

  it('read a public key in hex or base64url', () => {
    const pub = publicKeyOf(secret);
    expect(parsePublicKey(bytesToHex(pub))).toEqual(pub);
    expect(parsePublicKey(Buffer.from(pub).toString('base64url'))).toEqual(pub);
    expect(() => parsePublicKey('abcd')).toThrow();
  });
});
