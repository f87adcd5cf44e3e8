import { describe, expect, it } from 'vitest';
import { InvalidAppendError } from '../../src/errors.js';
import { expectedVersionHolds } from '../../src/expected-version.js';
import { personalDigest } from '../../src/hash.js';
import { decideReplay, type StoredIdentity } from '../../src/idempotency.js';
import { MAX_EVENTS_PER_APPEND, type PreparedEvent, prepareEvents } from '../../src/prepare.js';
import { streamRange } from '../../src/read-options.js';
import { event } from '../contract/harness.js';

const ID = 'A3C1E8F2-6A4B-4A8E-9A53-0D8C1C2E7F10';

describe('prepareEvents', () => {
  it('lower-cases ids, defaults the schema version, and salts each personal digest afresh', () => {
    const personal = { fullName: 'Ngô H' };
    const [a] = prepareEvents('s', [event('T', {}, { eventId: ID, personal })]);
    const [b] = prepareEvents('s', [event('T', {}, { eventId: ID, personal })]);
    expect(a?.eventId).toBe(ID.toLowerCase());
    expect(a?.schemaVersion).toBe(1);
    expect(a?.personalDigest?.equals(personalDigest(personal, a.personal?.salt as string))).toBe(true);
    // A fresh salt: the digest cannot be matched against a guess made for another event.
    expect(a?.personalDigest?.equals(b?.personalDigest as Buffer)).toBe(false);
    expect(a?.contentHash.equals(b?.contentHash as Buffer)).toBe(false);
  });

  it.each([
    ['an empty stream id', '', [event('T')]],
    ['a system stream id', '$all', [event('T')]],
    ['too many events', 's', Array.from({ length: MAX_EVENTS_PER_APPEND + 1 }, () => event('T'))],
    ['metadata without an actor', 's', [event('T', {}, { metadata: { actorRole: 'x' } as never })]],
    ['a schema version of 0', 's', [event('T', {}, { schemaVersion: 0 })]],
    ['a year past 9999', 's', [event('T', {}, { occurredAt: new Date('+010000-01-01T00:00:00Z') })]],
    ['a lone surrogate', 's', [event('T', { x: '\ud800' })]],
    ['U+0000 in a key', 's', [event('T', { 'a\u0000': 1 })]],
    ['personal data that is a string', 's', [event('T', {}, { personal: 'x' as never })]],
  ])('refuses %s', (_, stream, events) => {
    expect(() => prepareEvents(stream, events)).toThrow(InvalidAppendError);
  });
});

describe('decideReplay', () => {
  const stored = (e: PreparedEvent, version: number, streamId = 's'): StoredIdentity => ({
    eventId: e.eventId,
    streamId,
    version,
    position: `p${version}`,
    contentHash: e.contentHash,
    personal: e.personal,
    personalDigest: e.personalDigest,
  });

  it('recognises a retry with personal data despite its new salt, and after erasure', () => {
    const original = prepareEvents('s', [event('T', { a: 1 }, { eventId: ID, personal: { fullName: 'Lý I' } })]);
    const retry = prepareEvents('s', [event('T', { a: 1 }, { eventId: ID, personal: { fullName: 'Lý I' } })]);
    const first = original[0] as PreparedEvent;
    expect(decideReplay('s', retry, [stored(first, 4)])).toEqual({
      kind: 'replay',
      nextExpectedVersion: 4,
      position: 'p4',
    });
    expect(decideReplay('s', retry, [{ ...stored(first, 4), personal: null }])).toMatchObject({ kind: 'replay' });
    const other = prepareEvents('s', [event('T', { a: 1 }, { eventId: ID, personal: { fullName: 'Someone' } })]);
    expect(decideReplay('s', other, [stored(first, 4)])).toEqual({ kind: 'conflict' });
    expect(
      decideReplay('other', prepareEvents('other', [event('T', { a: 1 }, { eventId: ID })]), [stored(first, 4)]),
    ).toEqual({
      kind: 'conflict',
    });
    expect(decideReplay('s', retry, [])).toEqual({ kind: 'new' });
  });
});

describe('expected versions and read ranges', () => {
  it.each([
    ['any', 0, true],
    ['any', 3, true],
    ['no_stream', 0, true],
    ['no_stream', 1, false],
    ['stream_exists', 0, false],
    ['stream_exists', 2, true],
    [0, 0, true],
    [2, 2, true],
    [2, 3, false],
  ] as const)('%s holds at version %s: %s', (expected, current, holds) => {
    expect(expectedVersionHolds(expected, current)).toBe(holds);
  });

  it('resolves readStream options to an inclusive range and refuses nonsense', () => {
    expect(streamRange({ direction: 'backward', fromVersion: 7, toVersion: 3 })).toMatchObject({
      lo: 3,
      hi: 7,
      backward: true,
    });
    expect(() => streamRange({ fromVersion: 0 })).toThrow(RangeError);
    expect(() => streamRange({ maxCount: -1 })).toThrow(RangeError);
  });
});
