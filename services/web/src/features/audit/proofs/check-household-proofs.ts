import { checkEventProof, type EventInclusionProof } from '@benvung/log-proof';

/** What the history lists of an event: enough to ask for its proof and to hold the proof against. */
export interface ListedEvent {
  eventId: string;
  version: number;
  hash: string;
}

/** The server's answer for one event: a proof, or why there is none yet. */
export type ProofAnswer =
  | { covered: true; proof: EventInclusionProof }
  | { covered: false; reason: 'no_checkpoint' | 'not_yet_covered' };

/**
 * The checks, in the order they are reported. `match` and `link` are ours: a proof must be of the event
 * the history shows (not of some other, valid event) and chain onto the version before it; the other
 * four are `checkEventProof`'s.
 */
export const PROOF_STEPS = ['match', 'content', 'chain', 'link', 'inclusion', 'signature'] as const;
export type ProofStep = (typeof PROOF_STEPS)[number];

interface Checked {
  eventId: string;
  version: number;
}

export type EventProofResult =
  | (Checked & { status: 'proven'; checkpoint: { treeSize: number; signedAt: string; keyId: string } })
  | (Checked & { status: 'failed'; failedStep: ProofStep })
  | (Checked & { status: 'not_covered'; reason: 'no_checkpoint' | 'not_yet_covered' })
  | (Checked & { status: 'error'; message: string });

export interface ProofSummary {
  total: number;
  proven: number;
  failed: number;
  notCovered: number;
  errors: number;
}

const GENESIS = '0'.repeat(64);

/** One event's proof held against the history and checked with `publicKey`; nothing is taken on trust. */
export function checkListedEvent(
  householdId: string,
  listed: ListedEvent,
  previousHash: string | undefined,
  proof: EventInclusionProof,
  publicKey: Uint8Array,
): EventProofResult {
  const e = proof.event;
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const ok: Record<ProofStep, boolean> = {
    match:
      e.eventId === listed.eventId &&
      e.streamId === `household-${householdId}` &&
      e.version === listed.version &&
      same(e.hash, listed.hash),
    content: false,
    chain: false,
    link: same(e.previousHash, listed.version === 1 ? GENESIS : previousHash),
    inclusion: false,
    signature: false,
  };
  for (const { step, ok: holds } of checkEventProof(proof, publicKey).steps) ok[step] = holds;
  const failedStep = PROOF_STEPS.find((step) => !ok[step]);
  const base = { eventId: listed.eventId, version: listed.version };
  if (failedStep) return { ...base, status: 'failed', failedStep };
  const { treeSize, signedAt, keyId } = proof.checkpoint;
  return { ...base, status: 'proven', checkpoint: { treeSize, signedAt, keyId } };
}

export interface CheckProofsOptions {
  householdId: string;
  /** The household's events, by version. */
  events: readonly ListedEvent[];
  publicKey: Uint8Array;
  fetchProof(eventId: string): Promise<ProofAnswer>;
  /** Each result as soon as it is known, for a progress display. */
  onResult?(result: EventProofResult): void;
  signal?: AbortSignal;
  /** Proofs asked for at once: a few, so a long history is quick without flooding the server. */
  concurrency?: number;
}

/** Fetches and checks the proof of every event; a failed fetch is reported for its event, not thrown. */
export async function checkHouseholdProofs(options: CheckProofsOptions): Promise<EventProofResult[]> {
  const { householdId, events, publicKey, fetchProof, onResult, signal, concurrency = 4 } = options;
  const hashOf = new Map(events.map((e) => [e.version, e.hash]));
  const results: EventProofResult[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      signal?.throwIfAborted();
      const index = next++;
      const listed = events[index] as ListedEvent;
      let result: EventProofResult;
      try {
        const answer = await fetchProof(listed.eventId);
        result = answer.covered
          ? checkListedEvent(householdId, listed, hashOf.get(listed.version - 1), answer.proof, publicKey)
          : { eventId: listed.eventId, version: listed.version, status: 'not_covered', reason: answer.reason };
      } catch (error) {
        signal?.throwIfAborted();
        const message = error instanceof Error ? error.message : String(error);
        result = { eventId: listed.eventId, version: listed.version, status: 'error', message };
      }
      results[index] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, events.length) }, worker));
  return results;
}

export function summarise(results: readonly EventProofResult[]): ProofSummary {
  const count = (status: EventProofResult['status']) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    proven: count('proven'),
    failed: count('failed'),
    notCovered: count('not_covered'),
    errors: count('error'),
  };
}
