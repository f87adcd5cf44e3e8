import { api, unwrap } from '../../../lib/api-client';

export interface LogKey {
  /** The public key the server says it signs checkpoints with, base64url. */
  publicKey: string;
  keyId: string;
}

/** The server's checkpoint-signing key, fresh each time (auditors and admins only). */
export async function getLogKey(): Promise<LogKey> {
  const answer = unwrap(await api.GET('/v1/log/checkpoints', { params: { query: { limit: 1 } } }));
  return { publicKey: answer.publicKey, keyId: answer.keyId };
}
