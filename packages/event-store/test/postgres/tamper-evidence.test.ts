import { bytesToHex, checkEventProof, leafHash, merkleRoot, publicKeyOf } from '@benvung/log-proof';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogCheckpointer } from '../../src/log/checkpointer.js';
import { LogProofs } from '../../src/log/proofs.js';
import { verifyLog } from '../../src/log/verify-log.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { forgeHistory } from '../../src/testing/forge-history.js';
import { event } from '../contract/harness.js';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 255);
const publicKey = publicKeyOf(secretKey);
const otherKey = publicKeyOf(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));

let database: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase('es_tamper');
  store = new PostgresEventStore({ connectionString: database.url });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

const checkpointer = () =>
  new LogCheckpointer({ store, pool: store.pool, secretKey, everyEvents: 1e9, intervalMs: 1e12, batchSize: 97 });

/** What a database superuser can do: switch the append-only triggers off for one statement batch. */
async function asSuperuser(...statements: Array<[string, unknown[]?]>): Promise<void> {
  const client = await store.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    for (const [text, values] of statements) await client.query(text, values ?? []);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function seed(prefix: string, streams: number, perStream: number): Promise<void> {
  for (let s = 0; s < streams; s++) {
    for (let v = 0; v < perStream; v++) {
      await store.appendToStream(
        `${prefix}-${s}`,
        [event('Noted', { s, v }, v === 0 ? { personal: { fullName: `Lê ${s}` } } : {})],
        {
          expectedVersion: v,
        },
      );
    }
  }
}

describe('a log that shows every rewrite', () => {
  it('grows its tree across restarts, saves tiles, and signs roots a fresh hash of every leaf reproduces', async () => {
    await seed('grow', 30, 10);
    const first = await checkpointer().extend({ sign: true });
    expect(first).toHaveLength(1);
    await seed('grow-more', 20, 10);
    // A new builder resumes from the saved tiles and the open tile's leaves.
    const second = await checkpointer().extend({ sign: true });
    expect(second.map((c) => c.treeSize)).toEqual([500]);
    const rows = await store.pool.query<{ hash: Buffer; ms: number }>(
      `SELECT e.hash, (extract(epoch FROM e.recorded_at) * 1000)::float8 AS ms
       FROM es_log_leaves l JOIN es_events e ON e.seq = l.event_seq ORDER BY l.leaf_index`,
    );
    const root = merkleRoot(rows.rows.map((r) => leafHash(r.hash, Math.floor(r.ms))));
    expect(second[0]?.rootHash).toBe(bytesToHex(root));
    const tiles = await store.pool.query('SELECT count(*)::int AS n FROM es_log_tiles');
    expect(tiles.rows[0].n).toBe(1);
    const report = await verifyLog(store.pool, { publicKey, pageSize: 64 });
    expect(report).toMatchObject({ valid: true, events: 500, leaves: 500, uncovered: 0, checkpointsChecked: 2 });
    expect(report.checkpoint).toMatchObject({ treeSize: 500, signatureValid: true, rootMatches: true });
    expect((await verifyLog(store.pool, { publicKey: otherKey })).valid).toBe(false);
  });

  it('proves events in a saved tile and in the open tile alike', async () => {
    const proofs = new LogProofs(store.pool);
    for (const stream of ['grow-0', 'grow-more-19']) {
      for (const e of await store.readStream(stream)) {
        const answer = await proofs.forEvent(e.eventId);
        expect(answer.covered && checkEventProof(answer.proof, publicKey).valid, `${stream} v${e.version}`).toBe(true);
      }
    }
  });

  it('proves an event offline, and a changed proof or another key does not', async () => {
    const [target] = await store.readStream('grow-3');
    const answer = await new LogProofs(store.pool).forEvent(target?.eventId as string);
    if (!answer.covered) throw new Error(`not covered: ${answer.reason}`);
    // What an auditor receives is JSON: check what survives the trip.
    const proof = JSON.parse(JSON.stringify(answer.proof));
    expect(checkEventProof(proof, publicKey)).toMatchObject({ valid: true });
    expect(checkEventProof(proof, otherKey).valid).toBe(false);
    expect(checkEventProof({ ...proof, leafIndex: proof.leafIndex + 1 }, publicKey).valid).toBe(false);
    expect(checkEventProof({ ...proof, event: { ...proof.event, data: { s: 3, v: 1 } } }, publicKey).valid).toBe(false);
    expect(
      checkEventProof({ ...proof, event: { ...proof.event, recordedAt: '2020-01-01T00:00:00.000Z' } }, publicKey).valid,
    ).toBe(false);
    const path = [...proof.path];
    path[0] = '00'.repeat(32);
    expect(checkEventProof({ ...proof, path }, publicKey).valid).toBe(false);
  });

  it('keeps verifying after personal data is erased', async () => {
    await store.pool.query(`UPDATE es_events SET personal = NULL WHERE stream_id = 'grow-4'`);
    expect(await store.verifyStream('grow-4')).toMatchObject({ valid: true });
    expect((await verifyLog(store.pool, { publicKey })).valid).toBe(true);
  });

  it('catches a deleted last event: the stream ends before its recorded head', async () => {
    await asSuperuser([`DELETE FROM es_events WHERE stream_id = 'grow-5' AND version = 10`]);
    expect(await store.verifyStream('grow-5')).toMatchObject({
      valid: false,
      events: 9,
      firstInvalidVersion: 10,
      head: { version: 10 },
    });
    const report = await verifyLog(store.pool, { publicKey });
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'head', streamId: 'grow-5' }),
        expect.objectContaining({ kind: 'leaf' }),
      ]),
    );
  });

  it('catches a changed recorded time', async () => {
    await asSuperuser([
      `UPDATE es_events SET recorded_at = recorded_at - interval '3 days' WHERE stream_id = 'grow-6' AND version = 2`,
    ]);
    expect(await store.verifyStream('grow-6')).toMatchObject({ valid: false, firstInvalidVersion: 2 });
  });

  it('catches event 1 rewritten with every later hash and the head recomputed, against the signed checkpoint', async () => {
    await forgeHistory(store.pool, 'grow-7', (version, data) => (version === 1 ? { ...data, s: 99 } : data));
    // The chain and head alone cannot tell: they were recomputed as the store computes them.
    expect(await store.verifyStream('grow-7')).toMatchObject({ valid: true, events: 10 });
    // The signed checkpoint can: no event of the stream reaches the signed root any more.
    const proofs = await new LogProofs(store.pool).forStream('grow-7');
    expect(proofs.every((p) => p.covered)).toBe(true);
    expect(proofs.map((p) => (p.covered ? checkEventProof(p.proof, publicKey).valid : null))).toEqual(
      Array(10).fill(false),
    );
    // Events around it still prove: each proof rebuilds only its own leaf from the event.
    const untouched = await new LogProofs(store.pool).forStream('grow-8');
    expect(untouched.map((p) => (p.covered ? checkEventProof(p.proof, publicKey).valid : null))).toEqual(
      Array(10).fill(true),
    );
    const report = await verifyLog(store.pool, { publicKey });
    expect(report.valid).toBe(false);
    expect(report.checkpoint).toMatchObject({ signatureValid: true, rootMatches: false });
    expect(report.problems.filter((p) => p.kind === 'leaf' && p.streamId === 'grow-7').map((p) => p.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});
