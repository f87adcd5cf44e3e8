import { randomUUID } from 'node:crypto';
import { BACKWARDS, FORWARDS, type Position } from '@eventstore/db-client';
import { ConcurrencyError, IdempotencyConflictError } from '../errors.js';
import { expectedVersionHolds } from '../expected-version.js';
import { chainHash } from '../hash.js';
import { decideReplay } from '../idempotency.js';
import type { AppendResult, ExpectedVersion } from '../port.js';
import type { PreparedEvent } from '../prepare.js';
import type { EsdbClient } from './client.js';
import { positionOf, toEventData, toIdentity } from './envelope.js';
import { encodeEsdbPosition } from './position.js';
import { errorType, readStreamDecoded } from './reads.js';
import { expectedRevisionFor, revisionOfVersion, versionOfCurrentRevision } from './revisions.js';
import { scanForAppend } from './scan.js';

/** Appends that lose the race between reading the head and writing are re-evaluated this often. */
const MAX_ATTEMPTS = 20;

/**
 * Read the head (and any stored event with these ids), decide — replay, conflict, wrong expected
 * version — chain the hashes from the head's hash, and write with the head's revision as the expected
 * revision: if another append got in between, EventStoreDB refuses the write and the append is judged
 * again on the new head, so the chain can never fork.
 */
export async function appendPrepared(
  client: EsdbClient,
  streamId: string,
  prepared: readonly PreparedEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  const ids = new Set(prepared.map((e) => e.eventId));
  for (let attempt = 1; ; attempt++) {
    const head = await scanForAppend(client, streamId, ids);
    const replay = decideReplay(streamId, prepared, head.found);
    if (replay.kind === 'replay') {
      return { nextExpectedVersion: replay.nextExpectedVersion, position: replay.position, replayed: true };
    }
    if (replay.kind === 'conflict') {
      throw new IdempotencyConflictError(
        streamId,
        head.found.map((f) => f.eventId),
      );
    }
    if (!expectedVersionHolds(expected, head.version)) throw new ConcurrencyError(streamId, expected, head.version);
    const appendId = randomUUID();
    let previous = head.hash;
    const data = prepared.map((e, i) => {
      previous = chainHash(previous, e.contentHash, head.version + i + 1);
      return toEventData(e, previous, appendId);
    });
    try {
      const written = await client.appendToStream(streamId, data, {
        expectedRevision: expectedRevisionFor(head.version),
      });
      return await confirmWrite(client, streamId, prepared, head.version, appendId, written.position);
    } catch (err) {
      if (errorType(err) !== 'wrong-expected-version') throw err;
      if (attempt >= MAX_ATTEMPTS) {
        const actual = versionOfCurrentRevision((err as { actualVersion: bigint | string }).actualVersion);
        throw new ConcurrencyError(streamId, expected, actual);
      }
    }
  }
}

/**
 * EventStoreDB answers an append whose event ids already sit at the expected revision with success,
 * writing nothing (its own idempotency, by id only). Reading back who wrote the first event tells a
 * real write from that no-op, which is then judged like any retry: same content or conflict.
 */
async function confirmWrite(
  client: EsdbClient,
  streamId: string,
  prepared: readonly PreparedEvent[],
  headVersion: number,
  appendId: string,
  written: Position | undefined,
): Promise<AppendResult> {
  const version = headVersion + prepared.length;
  const fromRevision = revisionOfVersion(headVersion + 1);
  const first = await readStreamDecoded(client, streamId, { direction: FORWARDS, fromRevision, maxCount: 1 });
  if (first?.[0]?.envelope.appendId === appendId) {
    if (written) return { nextExpectedVersion: version, position: encodeEsdbPosition(written), replayed: false };
    const last = await readStreamDecoded(client, streamId, {
      direction: BACKWARDS,
      fromRevision: revisionOfVersion(version),
      maxCount: 1,
    });
    const position = last?.[0] && positionOf(last[0].event);
    if (!position) throw new Error(`${streamId}@${version} not found after appending it`);
    return { nextExpectedVersion: version, position, replayed: false };
  }
  const stored = await readStreamDecoded(client, streamId, {
    direction: FORWARDS,
    fromRevision,
    maxCount: prepared.length,
  });
  const decision = decideReplay(streamId, prepared, (stored ?? []).map(toIdentity));
  if (decision.kind !== 'replay') {
    throw new IdempotencyConflictError(
      streamId,
      prepared.map((e) => e.eventId),
    );
  }
  return { nextExpectedVersion: decision.nextExpectedVersion, position: decision.position, replayed: true };
}
