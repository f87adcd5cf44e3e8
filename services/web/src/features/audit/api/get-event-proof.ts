import { api, unwrap } from '../../../lib/api-client';
import type { ProofAnswer } from '../proofs/check-household-proofs';

/** One event's inclusion proof in the latest signed checkpoint, or why there is none yet. */
export async function getEventProof(eventId: string, signal?: AbortSignal): Promise<ProofAnswer> {
  const answer = unwrap(await api.GET('/v1/log/proof', { params: { query: { eventId } }, signal }));
  return answer.covered ? { covered: true, proof: answer.proof } : { covered: false, reason: answer.reason };
}
