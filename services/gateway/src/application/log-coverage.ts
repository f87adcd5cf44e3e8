import { householdStreamId } from '@benvung/domain';
import { checkEventProof, checkpointSignatureValid } from '@benvung/log-proof';
import type { GatewayDeps } from '../plugins/deps.js';

export interface CheckpointCoverage {
  treeSize: number;
  signedAt: string;
  keyId: string;
  /** Signed with this service's configured key. */
  signatureValid: boolean;
  /** Events of the household the checkpoint covers, and how many of them reach its root. */
  covered: number;
  proven: number;
  /** Events recorded after the checkpoint: covered by the next one. */
  notYetCovered: number;
  /** The first covered event whose inclusion proof fails. */
  firstUnprovenVersion?: number;
}

/**
 * Holds each event of a household against the latest signed checkpoint: its content and chain hash
 * recomputed, its leaf taken up its audit path, the root compared with the signed one. A history
 * rewritten with every hash recomputed passes the chain check, but not this.
 */
export async function householdCoverage(
  log: NonNullable<GatewayDeps['log']>,
  householdId: string,
): Promise<CheckpointCoverage | null> {
  const checkpoint = await log.proofs.latestCheckpoint();
  if (!checkpoint) return null;
  const answers = await log.proofs.forStream(householdStreamId(householdId), checkpoint);
  let covered = 0;
  let proven = 0;
  let firstUnprovenVersion: number | undefined;
  answers.forEach((a, i) => {
    if (!a.covered) return;
    covered++;
    if (checkEventProof(a.proof, log.key.publicKey).valid) proven++;
    else firstUnprovenVersion ??= i + 1;
  });
  return {
    treeSize: checkpoint.treeSize,
    signedAt: checkpoint.signedAt,
    keyId: checkpoint.keyId,
    signatureValid: checkpointSignatureValid(checkpoint, log.key.publicKey),
    covered,
    proven,
    notYetCovered: answers.length - covered,
    ...(firstUnprovenVersion !== undefined ? { firstUnprovenVersion } : {}),
  };
}
