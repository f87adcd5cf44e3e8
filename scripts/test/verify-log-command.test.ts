import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  LogCheckpointer,
  LogProofs,
  migrateEventStore,
  PostgresEventStore,
  signingKeyFrom,
} from '@benvung/event-store';
import { forgeHistory } from '@benvung/event-store/testing';
import { publishedLine } from '@benvung/log-proof';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The auditor's commands, run as a user runs them: `pnpm verify-log` over the whole log, and
 * `pnpm verify-proof` on a saved proof with the published public key. Both must fail once history is
 * rewritten with every hash recomputed.
 */

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
const key = signingKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 31 + 7) & 255));
const stranger = signingKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 17 + 1) & 255));

let database: TestDatabase;
let store: PostgresEventStore;
let dir: string;
let line = '';

async function command(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, LOG_SIGNING_KEY: '', DATA_DIR: dir },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  database = await createTestDatabase('verify_log_cmd');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
  dir = await mkdtemp(join(tmpdir(), 'benvung-verify-'));
  const meta = { actorId: 'cw-1', actorRole: 'case_worker' };
  for (let s = 0; s < 40; s++) {
    await store.appendToStream(
      `household-${s}`,
      [1, 2, 3].map((v) => ({ type: 'NoteAdded', data: { s, v }, metadata: meta, occurredAt: new Date('2025-01-02') })),
      { expectedVersion: 'no_stream' },
    );
  }
  const [checkpoint] = await new LogCheckpointer({ store, pool: store.pool, secretKey: key.secretKey }).extend({
    sign: true,
  });
  line = publishedLine(checkpoint as NonNullable<typeof checkpoint>);
  await writeFile(join(dir, 'published.txt'), `${line}\n`);
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

describe('pnpm verify-log and pnpm verify-proof', { timeout: 120_000 }, () => {
  it('pass on an untouched log and proof, with the published key only', async () => {
    const log = await command('scripts/verify-log.ts', [
      '--public-key',
      key.publicKeyText,
      '--checkpoint-file',
      join(dir, 'published.txt'),
    ]);
    expect(log.out).toContain('the log verifies');
    expect(log.code).toBe(0);
    const answer = await new LogProofs(store.pool).forEvent(
      (await store.readStream('household-7'))[0]?.eventId as string,
    );
    await writeFile(join(dir, 'proof.json'), JSON.stringify(answer));
    const proof = await command('scripts/verify-proof.ts', [
      '--public-key',
      key.publicKeyText,
      join(dir, 'proof.json'),
    ]);
    expect(proof.out).toContain('is leaf');
    expect(proof.code).toBe(0);
    const otherKey = await command('scripts/verify-proof.ts', [
      '--public-key',
      stranger.publicKeyText,
      join(dir, 'proof.json'),
    ]);
    expect(otherKey.code).toBe(1);
    expect((await command('scripts/verify-log.ts', ['--public-key', stranger.publicKeyText])).code).toBe(1);
    expect((await command('scripts/verify-proof.ts', [join(dir, 'proof.json')])).code).toBe(2);
  });

  it('fail once event 1 of a stream is rewritten with every later hash and its head recomputed', async () => {
    await forgeHistory(store.pool, 'household-7', (version, data) => (version === 1 ? { ...data, v: 100 } : data));
    expect(await store.verifyStream('household-7')).toMatchObject({ valid: true });
    const log = await command('scripts/verify-log.ts', ['--public-key', key.publicKeyText, '--checkpoint', line]);
    expect(log.code).toBe(1);
    expect(log.out).toContain('DOES NOT MATCH');
    expect(log.out).toContain('household-7 v1');
    const answer = await new LogProofs(store.pool).forEvent(
      (await store.readStream('household-7'))[0]?.eventId as string,
    );
    await writeFile(join(dir, 'rewritten.json'), JSON.stringify(answer));
    const proof = await command('scripts/verify-proof.ts', [
      '--public-key',
      key.publicKeyText,
      join(dir, 'rewritten.json'),
    ]);
    expect(proof.code).toBe(1);
    expect(proof.out).toContain('FAIL audit path to the signed root');
  });
});
