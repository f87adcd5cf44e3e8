/**
 * `pnpm verify-proof --public-key KEY proof.json`: checks an inclusion proof (the answer of
 * GET /v1/log/proof, saved to a file) with nothing from the server but the file: the event's content
 * and chain hashes are recomputed from its fields, its leaf is taken up the audit path, and the root
 * reached must be the one the checkpoint signs, signed with KEY — the public key the operator gave
 * you, not one the server sends. Exit code 0 when it holds, 1 when not, 2 for a usage error.
 */
import { readFile } from 'node:fs/promises';
import { checkEventProof, type EventInclusionProof, parsePublicKey } from '@benvung/log-proof';
import { takeOption, UsageError } from './lib/cli-args.js';

const usage = 'usage: pnpm verify-proof --public-key KEY proof.json';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const keyText = takeOption(args, '--public-key', usage);
  const [file, ...rest] = args;
  if (!keyText || !file || rest.length > 0) throw new UsageError(usage);
  const body = JSON.parse(await readFile(file, 'utf8')) as {
    covered?: boolean;
    proof?: EventInclusionProof;
  } & Partial<EventInclusionProof>;
  if (body.covered === false)
    throw new UsageError('this answer has no proof: the event is not covered by a checkpoint yet');
  const proof = (body.proof ?? body) as EventInclusionProof;
  const check = checkEventProof(proof, parsePublicKey(keyText));
  const names = {
    content: 'content hash',
    chain: 'chain hash',
    inclusion: 'audit path to the signed root',
    signature: 'signature',
  };
  for (const s of check.steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${names[s.step]}`);
  console.log(
    check.valid
      ? `event ${proof.event.eventId} (${proof.event.streamId} v${proof.event.version}) is leaf ${proof.leafIndex} of the ${proof.checkpoint.treeSize} events signed ${proof.checkpoint.signedAt} by key ${proof.checkpoint.keyId}`
      : 'THE PROOF DOES NOT HOLD',
  );
  return check.valid ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof UsageError ? err.message : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
