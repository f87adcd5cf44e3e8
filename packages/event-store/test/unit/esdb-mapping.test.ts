import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { decode, toEventData, toRecorded, toStored } from '../../src/esdb/envelope.js';
import { compareEncodedEsdbPositions, decodeEsdbPosition, encodeEsdbPosition } from '../../src/esdb/position.js';
import { expectedRevisionFor, versionOfCurrentRevision, versionOfRevision } from '../../src/esdb/revisions.js';
import { chainHash, GENESIS_HASH } from '../../src/hash.js';
import { prepareEvents } from '../../src/prepare.js';
import { UpcasterRegistry } from '../../src/upcasting.js';
import { verifyChain } from '../../src/verify.js';
import { event } from '../contract/harness.js';

describe('EventStoreDB mapping', () => {
  it('maps 1-based versions to 0-based revisions', () => {
    expect(expectedRevisionFor(0)).toBe('no_stream');
    expect(expectedRevisionFor(1)).toBe(0n);
    expect(expectedRevisionFor(7)).toBe(6n);
    expect(versionOfRevision(0n)).toBe(1);
    expect(versionOfCurrentRevision('no_stream')).toBe(0);
    expect(versionOfCurrentRevision(4n)).toBe(5);
  });

  it('encodes positions opaquely, orders them, and refuses a PostgreSQL one', () => {
    const a = encodeEsdbPosition({ commit: 10n, prepare: 10n });
    const b = encodeEsdbPosition({ commit: 10n, prepare: 12n });
    const c = encodeEsdbPosition({ commit: 11n, prepare: 0n });
    expect(decodeEsdbPosition(b)).toEqual({ commit: 10n, prepare: 12n });
    expect([c, b, a].sort(compareEncodedEsdbPositions)).toEqual([a, b, c]);
    expect(() => decodeEsdbPosition('12:3')).toThrow(RangeError);
  });

  it('round-trips an event through the metadata envelope with a verifiable chain', () => {
    const prepared = prepareEvents('household-1', [
      event('NoteAdded', { text: 'a' }, { personal: { fullName: 'Mai K' } }),
      event('NoteAdded', { text: 'b' }, { schemaVersion: 2 }),
    ]);
    let previous: Buffer = GENESIS_HASH;
    const read = prepared.map((p, i): EsdbRecordedEvent => {
      previous = chainHash(previous, p.contentHash, i + 1);
      // What the client hands back: the JSON it wrote, parsed again.
      const written = JSON.parse(JSON.stringify(toEventData(p, previous, 'append-1')));
      return {
        streamId: 'household-1',
        id: written.id,
        isJson: true,
        revision: BigInt(i),
        type: written.type,
        created: new Date(),
        data: written.data,
        metadata: written.metadata,
        position: { commit: 100n, prepare: 100n + BigInt(i) },
      } as EsdbRecordedEvent;
    });
    const decoded = read.map((r) => decode(r));
    expect(decoded.every(Boolean)).toBe(true);
    expect(read[0]?.metadata).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cause-1' });
    expect(verifyChain(decoded.map((d) => toStored(d as NonNullable<typeof d>)))).toEqual({ valid: true, events: 2 });
    const recorded = toRecorded(decoded[0] as NonNullable<(typeof decoded)[0]>, new UpcasterRegistry());
    expect(recorded).toMatchObject({ version: 1, personal: { fullName: 'Mai K' }, data: { text: 'a' } });
    expect(recorded.position).toBe('esdb:100:100');
    expect(decode({ ...(read[0] as EsdbRecordedEvent), type: '$metadata' } as EsdbRecordedEvent)).toBeUndefined();
    expect(decode({ ...(read[0] as EsdbRecordedEvent), metadata: {} } as EsdbRecordedEvent)).toBeUndefined();
  });
});
