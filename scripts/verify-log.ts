/**
 * `pnpm verify-log`: checks the whole event log — every stream's chain and recorded head, every leaf
 * of the log's Merkle tree rebuilt from its event, every signed checkpoint's root and signature —
 * without holding the log in memory. Exit code 0 when everything holds, 1 when not, 2 for a usage error.
 *
 *   --public-key KEY        the key checkpoints must be signed with (hex or base64url), as the operator
 *                           published it; default: the installation's LOG_SIGNING_KEY or .data key file
 *   --checkpoint LINE       a published checkpoint line (benvung-checkpoint v1 …), held against too
 *   --checkpoint-file FILE  the newest line of a file of published checkpoints
 *   --json                  the full report as JSON on stdout
 */
import { readFile } from 'node:fs/promises';
import { openLocalDatabase } from '@benvung/embedded-pg';
import { migrateEventStore, PostgresEventStore, resolveLogSigningKey, verifyLog } from '@benvung/event-store';
import { parsePublicKey, parsePublishedLine, type SignedCheckpoint } from '@benvung/log-proof';
import { SingleBar } from 'cli-progress';
import { takeFlag, takeOption, UsageError } from './lib/cli-args.js';

const usage = 'usage: pnpm verify-log [--public-key KEY] [--checkpoint LINE | --checkpoint-file FILE] [--json]';

async function externalCheckpoint(args: string[]): Promise<SignedCheckpoint | undefined> {
  const line = takeOption(args, '--checkpoint', usage);
  const file = takeOption(args, '--checkpoint-file', usage);
  const text = line ?? (file ? (await readFile(file, 'utf8')).trim().split('\n').at(-1) : undefined);
  if (text === undefined) return undefined;
  const parsed = parsePublishedLine(text);
  if (!parsed) throw new UsageError(`not a published checkpoint line: ${text.slice(0, 80)}\n${usage}`);
  return parsed;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = takeFlag(args, '--json');
  const keyText = takeOption(args, '--public-key', usage);
  const external = await externalCheckpoint(args);
  if (args.length > 0) throw new UsageError(`unknown argument ${args[0]}\n${usage}`);
  const dataDir = process.env.DATA_DIR ?? '.data';
  const publicKey = keyText
    ? parsePublicKey(keyText)
    : (await resolveLogSigningKey(process.env.LOG_SIGNING_KEY, dataDir)).publicKey;
  const local = await openLocalDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  console.error(`database: ${local.description}`);
  const store = new PostgresEventStore({ connectionString: local.url, maxPoolSize: 2 });
  const bar = new SingleBar({ format: '{phase} |{bar}| {value}/{total}', noTTYOutput: true, notTTYSchedule: 5000 });
  let phase = '';
  try {
    await migrateEventStore(store.pool);
    const started = performance.now();
    const report = await verifyLog(store.pool, {
      publicKey,
      ...(external ? { externalCheckpoint: external } : {}),
      onProgress: (p, done, total) => {
        if (p !== phase) {
          if (phase) bar.stop();
          phase = p;
          bar.start(total, done, { phase: p === 'chains' ? 'chains and heads' : 'Merkle tree' });
        } else bar.update(done);
      },
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    if (json) console.log(JSON.stringify(report, null, 2));
    const c = report.checkpoint;
    console.error(
      [
        `${report.events} events in ${report.streams} streams, ${report.leaves} in the signed tree, ${report.uncovered} not yet covered; ${seconds.toFixed(1)} s`,
        c
          ? `checkpoint of ${c.treeSize} events signed ${c.signedAt} by key ${c.keyId} (${c.source}): signature ${c.signatureValid ? 'valid' : 'NOT VALID'}, root ${c.rootMatches ? 'matches' : 'DOES NOT MATCH'}; ${report.checkpointsChecked} checkpoints checked`
          : 'no signed checkpoint yet: only the chains and heads were checked',
        ...report.problems.map(
          (p) => `  ${p.kind}${p.streamId ? ` ${p.streamId}` : ''}${p.version ? ` v${p.version}` : ''}: ${p.detail}`,
        ),
        report.problemCount > report.problems.length
          ? `  … and ${report.problemCount - report.problems.length} more`
          : '',
        report.valid ? 'the log verifies' : `THE LOG DOES NOT VERIFY: ${report.problemCount} problem(s)`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return report.valid ? 0 : 1;
  } finally {
    await store.close();
    await local.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof UsageError ? err.message : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
