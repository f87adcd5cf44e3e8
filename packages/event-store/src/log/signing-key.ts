import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fromBase64Url, hexToBytes, keyIdOf, publicKeyOf, toBase64Url } from '@benvung/log-proof';
import { keptSecret } from '../secret-file.js';

export interface LogSigningKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  /** The public key as auditors are given it (base64url). */
  publicKeyText: string;
  keyId: string;
}

export const signingKeyFile = (dataDir: string) => join(dataDir, 'log-signing-key');

/** 32 bytes as 64 hex digits or 43 base64url characters. */
export function parseSigningKey(text: string): Uint8Array {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? hexToBytes(t.toLowerCase()) : fromBase64Url(t);
  if (key.length !== 32)
    throw new TypeError('LOG_SIGNING_KEY must be 32 bytes (64 hex digits or 43 base64url characters)');
  return key;
}

export function signingKeyFrom(secretKey: Uint8Array): LogSigningKey {
  const publicKey = publicKeyOf(secretKey);
  return { secretKey, publicKey, publicKeyText: toBase64Url(publicKey), keyId: keyIdOf(publicKey) };
}

/**
 * The Ed25519 key that signs log checkpoints: LOG_SIGNING_KEY, else one generated on first start and
 * kept in the data directory (mode 0600), like the token secret. It is its own key, derived from no
 * other secret; whoever holds it can sign a rewritten history, so keep it off the database server.
 */
export async function resolveLogSigningKey(configured: string | undefined, dataDir: string): Promise<LogSigningKey> {
  if (configured) return signingKeyFrom(parseSigningKey(configured));
  const text = await keptSecret(signingKeyFile(dataDir), () => toBase64Url(randomBytes(32)));
  return signingKeyFrom(parseSigningKey(text));
}
