import { createHash } from 'node:crypto';
import {
  bytesToHex,
  chainHashInput,
  contentHashInput,
  type EventInclusionProof,
  hexToBytes,
  inclusionPath,
  leafHash,
  merkleRoot,
  publicKeyOf,
  signCheckpoint,
} from '@benvung/log-proof';
import { describe, expect, it } from 'vitest';
import {
  checkHouseholdProofs,
  type ListedEvent,
  type ProofAnswer,
  summarise,
} from '../../src/features/audit/proofs/check-household-proofs';

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 7);
const publicKey = publicKeyOf(secret);
const householdId = '6f1d2c1e-1111-4a4a-8888-0123456789ab';

/** A household of three events, the log of its leaves, and a checkpoint over the first two. */
function fixture() {
  let previous = '0'.repeat(64);
  const stored = [1, 2, 3].map((version) => {
    const recordedAt = `2026-12-0${version}T03:00:00.000Z`;
    const form = {
      eventId: `0b9c2c1e-2222-4b4b-9999-00000000000${version}`,
      streamId: `household-${householdId}`,
      type: version === 1 ? 'HouseholdRegistered' : 'NoteAdded',
      schemaVersion: 1,
      data: { version, text: 'ghi chú' },
      personalDigest: null,
      metadata: { actorId: 'u1', actorRole: 'case_worker' },
      occurredAt: `2026-12-0${version}T00:00:00.000Z`,
    };
    const recordedAtMs = Date.parse(recordedAt);
    const chain = sha256(
      chainHashInput(hexToBytes(previous), sha256(contentHashInput(form)), version, { scheme: 2, recordedAtMs }),
    );
    const event = {
      ...form,
      version,
      previousHash: previous,
      hash: bytesToHex(chain),
      recordedAt,
      chainScheme: 2 as const,
    };
    previous = event.hash;
    return { event, leaf: leafHash(chain, recordedAtMs) };
  });
  const leaves = stored.slice(0, 2).map((s) => s.leaf);
  const checkpoint = signCheckpoint(
    { treeSize: 2, rootHash: bytesToHex(merkleRoot(leaves)), position: '2', signedAt: '2026-12-02T05:00:00.000Z' },
    secret,
  );
  const proofs = new Map<string, ProofAnswer>(
    stored.map(({ event }, i) => [
      event.eventId,
      i < 2
        ? {
            covered: true,
            proof: {
              event,
              leafIndex: i,
              path: inclusionPath(i, 2, (lo, hi) => merkleRoot(leaves.slice(lo, hi))).map(bytesToHex),
              checkpoint,
            },
          }
        : { covered: false, reason: 'not_yet_covered' },
    ]),
  );
  const events: ListedEvent[] = stored.map(({ event }) => ({
    eventId: event.eventId,
    version: event.version,
    hash: event.hash,
  }));
  return { events, proofs };
}

const served =
  (proofs: Map<string, ProofAnswer>, change?: (proof: EventInclusionProof) => EventInclusionProof) =>
  async (eventId: string): Promise<ProofAnswer> => {
    const answer = proofs.get(eventId);
    if (!answer) throw new Error('not found');
    return answer.covered && change ? { covered: true, proof: change(structuredClone(answer.proof)) } : answer;
  };

describe('the in-browser proof check of a household', () => {
  it('proves the covered events and leaves the newer one waiting for the next checkpoint', async () => {
    const { events, proofs } = fixture();
    const seen: number[] = [];
    const results = await checkHouseholdProofs({
      householdId,
      events,
      publicKey,
      fetchProof: served(proofs),
      onResult: (r) => seen.push(r.version),
    });
    expect(results.map((r) => r.status)).toEqual(['proven', 'proven', 'not_covered']);
    expect(results[0]).toMatchObject({ checkpoint: { treeSize: 2 } });
    expect(seen.sort()).toEqual([1, 2, 3]);
    expect(summarise(results)).toEqual({ total: 3, proven: 2, failed: 0, notCovered: 1, errors: 0 });
  });

  it('names the step that fails: an edited event breaks its chain hash', async () => {
    const { events, proofs } = fixture();
    const results = await checkHouseholdProofs({
      householdId,
      events,
      publicKey,
      fetchProof: served(proofs, (p) => ({ ...p, event: { ...p.event, data: { ...p.event.data, text: 'sửa' } } })),
    });
    expect(results[0]).toMatchObject({ status: 'failed', failedStep: 'chain' });
  });

  it('rejects a valid proof of another event than the history shows', async () => {
    const { events, proofs } = fixture();
    const other = proofs.get(events[1]?.eventId ?? '');
    const results = await checkHouseholdProofs({
      householdId,
      events: events.slice(0, 1),
      publicKey,
      fetchProof: async () => other as ProofAnswer,
    });
    expect(results[0]).toMatchObject({ status: 'failed', failedStep: 'match' });
  });

  it('fails the link when the history’s previous event is not the one the proof chains onto', async () => {
    const { events, proofs } = fixture();
    const altered = events.map((e) => (e.version === 1 ? { ...e, hash: 'ab'.repeat(32) } : e));
    const results = await checkHouseholdProofs({ householdId, events: altered, publicKey, fetchProof: served(proofs) });
    expect(results[0]).toMatchObject({ failedStep: 'match' });
    expect(results[1]).toMatchObject({ status: 'failed', failedStep: 'link' });
  });

  it('is only as good as the key: another key fails the signature', async () => {
    const { events, proofs } = fixture();
    const otherKey = publicKeyOf(Uint8Array.from({ length: 32 }, (_, i) => 99 - i));
    const results = await checkHouseholdProofs({
      householdId,
      events: events.slice(0, 2),
      publicKey: otherKey,
      fetchProof: served(proofs),
    });
    expect(results.map((r) => r.status === 'failed' && r.failedStep)).toEqual(['signature', 'signature']);
  });

  it('reports a proof that could not be fetched on its event and goes on', async () => {
    const { events, proofs } = fixture();
    const results = await checkHouseholdProofs({
      householdId,
      events: [{ eventId: 'missing', version: 1, hash: '00' }, ...events.slice(1, 2)],
      publicKey,
      fetchProof: served(proofs),
    });
    expect(results.map((r) => r.status)).toEqual(['error', 'failed']);
  });
});
