import { type PostgresEventStore, signingKeyFrom } from '@benvung/event-store';
import { forgeHistory } from '@benvung/event-store/testing';
import { checkEventProof, checkpointSignatureValid, parsePublicKey } from '@benvung/log-proof';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/**
 * The auditor's guarantees over HTTP: every event of a household is proven against a signed
 * checkpoint, a proof checks offline with the operator's public key only, and a history rewritten with
 * every hash and the head recomputed (what a database superuser can do) fails verification.
 */

const key = signingKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) & 255));
let gw: RunningGateway;
let worker: Record<string, string>;
let auditor: Record<string, string>;
const households: string[] = [];

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);

/** Until the latest checkpoint covers `events` events of the log. */
async function signedAtLeast(events: number) {
  return eventually(async () => {
    const r = await call('GET', '/v1/log/checkpoints?limit=1', auditor);
    const top = (r.body as { checkpoints: Array<{ treeSize: number }> }).checkpoints[0];
    return top && top.treeSize >= events ? r.body : undefined;
  }, 20_000);
}

/** Events in the whole log (other tests' households included). */
async function logSize(): Promise<number> {
  const store = gw.runtime.app.deps.store as PostgresEventStore;
  return (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events')).rows[0]?.n ?? 0;
}

beforeAll(async () => {
  gw = await startGateway({ runtime: { logSigningKey: key, checkpoints: { everyEvents: 1, intervalSeconds: 1 } } });
  worker = await authHeaders('case_worker', ['96']);
  auditor = await authHeaders('auditor', ['96']);
  for (const [i, unitCode] of ['96101', '96102'].entries()) {
    const created = await postCreated(
      gw.baseUrl,
      '/v1/households',
      { head: { fullName: `Đặng Văn ${i}` }, memberCount: 3, area: 'rural', unitCode, occurredAt: '2024-02-01' },
      worker,
    );
    const id = created.householdId as string;
    households.push(id);
    for (const note of ['Thăm hộ lần 1', 'Thăm hộ lần 2']) {
      await postCreated(gw.baseUrl, `/v1/households/${id}/notes`, { text: note, occurredAt: '2024-03-01' }, worker);
    }
  }
});
afterAll(async () => {
  await gw?.close();
});

describe('the signed log over HTTP', () => {
  it('publishes checkpoints signed with the configured key, for auditors and admins only', async () => {
    const body = (await signedAtLeast(await logSize())) as {
      publicKey: string;
      keyId: string;
      checkpoints: Array<{
        treeSize: number;
        rootHash: string;
        position: string;
        signedAt: string;
        keyId: string;
        signature: string;
      }>;
    };
    expect(body.publicKey).toBe(key.publicKeyText);
    const [latest] = body.checkpoints;
    expect(latest && checkpointSignatureValid(latest, key.publicKey)).toBe(true);
    expect((await call('GET', '/v1/log/checkpoints', worker)).status).toBe(403);
    expect((await call('GET', '/v1/log/checkpoints', await authHeaders('analyst'))).status).toBe(403);
    expect((await call('GET', '/v1/log/checkpoints', await authHeaders('admin'))).status).toBe(200);
  });

  it('proves every event of a household; the proof checks offline with the public key alone', async () => {
    await signedAtLeast(await logSize());
    const verify = await call('GET', `/v1/households/${households[0]}/verify`, auditor);
    expect(verify.body).toMatchObject({
      valid: true,
      events: 3,
      head: { version: 3 },
      checkpoint: { signatureValid: true, covered: 3, proven: 3, notYetCovered: 0 },
    });
    const history = await call('GET', `/v1/households/${households[0]}/history`, auditor);
    const first = (history.body as { events: Array<{ eventId: string }> }).events[0];
    const proof = await call('GET', `/v1/log/proof?eventId=${first?.eventId}`, auditor);
    expect(proof.status).toBe(200);
    const answer = proof.body as { covered: boolean; proof: Parameters<typeof checkEventProof>[0] };
    expect(answer.covered).toBe(true);
    // The auditor's check: the key they were given out of band, nothing else from the server.
    expect(checkEventProof(answer.proof, parsePublicKey(key.publicKeyText)).valid).toBe(true);
    // Outside the auditor's units, there is no proof to be had.
    const elsewhere = await authHeaders('auditor', ['01']);
    expect((await call('GET', `/v1/log/proof?eventId=${first?.eventId}`, elsewhere)).status).toBe(404);
    expect((await call('GET', `/v1/log/proof?eventId=not-a-uuid`, auditor)).status).toBe(400);
  });

  it('fails a household whose history was rewritten with every hash recomputed', async () => {
    await signedAtLeast(await logSize());
    const target = households[1] as string;
    const store = gw.runtime.app.deps.store as PostgresEventStore;
    await forgeHistory(store.pool, `household-${target}`, (version, data) =>
      version === 1 ? { ...data, memberCount: 9 } : data,
    );
    const verify = await call('GET', `/v1/households/${target}/verify`, auditor);
    expect(verify.body).toMatchObject({
      valid: false,
      firstInvalidVersion: 1,
      checkpoint: { signatureValid: true, covered: 3, proven: 0 },
    });
    // The untouched household still verifies.
    expect((await call('GET', `/v1/households/${households[0]}/verify`, auditor)).body).toMatchObject({ valid: true });
  });
});
