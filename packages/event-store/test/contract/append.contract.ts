import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '../../src/errors.js';
import type { ExpectedVersion } from '../../src/port.js';
import { type ContractContext, event, names, OCCURRED_AT, rejectionOf } from './harness.js';

export function appendContract(ctx: ContractContext): void {
  const n = names();
  const T = n.type('Noted');

  describe('expected version', () => {
    const onNew: Array<[ExpectedVersion, boolean]> = [
      ['no_stream', true],
      ['any', true],
      [0, true],
      ['stream_exists', false],
      [1, false],
      [5, false],
    ];
    it.each(onNew)('on a new stream, %s → accepted: %s', async (expectedVersion, accepted) => {
      const s = n.stream('new');
      const append = ctx.store.appendToStream(s, [event(T), event(T)], { expectedVersion });
      if (accepted) {
        expect(await append).toMatchObject({ nextExpectedVersion: 2, replayed: false });
        expect(await ctx.store.streamVersion(s)).toBe(2);
      } else {
        const err = await rejectionOf(append);
        expect(err).toBeInstanceOf(ConcurrencyError);
        expect(err).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId: s, expected: expectedVersion, actual: 0 });
        expect(await ctx.store.streamVersion(s)).toBe(0);
      }
    });

    const onExisting: Array<[ExpectedVersion, boolean]> = [
      ['no_stream', false],
      ['any', true],
      ['stream_exists', true],
      [2, true],
      [0, false],
      [1, false],
      [3, false],
    ];
    it.each(onExisting)('on a stream at version 2, %s → accepted: %s', async (expectedVersion, accepted) => {
      const s = n.stream('existing');
      await ctx.store.appendToStream(s, [event(T), event(T)], { expectedVersion: 'no_stream' });
      const append = ctx.store.appendToStream(s, [event(T), event(T), event(T)], { expectedVersion });
      if (accepted) {
        expect(await append).toMatchObject({ nextExpectedVersion: 5, replayed: false });
        expect((await ctx.store.readStream(s)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      } else {
        const err = await rejectionOf(append);
        expect(err).toBeInstanceOf(ConcurrencyError);
        expect(err).toMatchObject({ streamId: s, expected: expectedVersion, actual: 2 });
        // A refused append is refused as a whole.
        expect((await ctx.store.readStream(s)).map((e) => e.version)).toEqual([1, 2]);
      }
    });
  });

  it('records every field the port promises', async () => {
    const s = n.stream('fields');
    const id = randomUUID().toUpperCase();
    const before = Date.now();
    const result = await ctx.store.appendToStream(
      s,
      [
        event(T, { text: 'first', nested: { list: [1, 2.5, 'ba', null, true] } }, { eventId: id, schemaVersion: 3 }),
        event(T, { text: 'second' }, { personal: { fullName: 'Nguyễn Văn A', nationalId: '001' } }),
      ],
      { expectedVersion: 'no_stream' },
    );
    const [first, second] = await ctx.store.readStream(s);
    if (!first || !second) throw new Error('two events expected');
    expect(first).toMatchObject({
      eventId: id.toLowerCase(),
      streamId: s,
      type: T,
      schemaVersion: 3,
      data: { text: 'first', nested: { list: [1, 2.5, 'ba', null, true] } },
      personal: null,
      personalDigest: null,
      metadata: {
        actorId: 'user-1',
        actorRole: 'case_worker',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        idempotencyKey: 'key-1',
      },
      version: 1,
    });
    expect(first.occurredAt.toISOString()).toBe(OCCURRED_AT.toISOString());
    expect(first.recordedAt.getTime()).toBeGreaterThan(before - 5_000);
    expect(first.recordedAt.getTime()).toBeLessThan(Date.now() + 5_000);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({
      version: 2,
      schemaVersion: 1,
      personal: { fullName: 'Nguyễn Văn A', nationalId: '001' },
    });
    expect(second.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.personalDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(second.position).toBe(result.position);
    expect(ctx.store.comparePositions(first.position, second.position)).toBeLessThan(0);
  });

  describe('idempotency', () => {
    it('appends nothing for the same events again and answers with the original result', async () => {
      const s = n.stream('idem');
      const batch = [
        event(T, { n: 1 }, { eventId: randomUUID() }),
        event(T, { n: 2 }, { eventId: randomUUID(), personal: { fullName: 'Trần Thị B' } }),
      ];
      const original = await ctx.store.appendToStream(s, batch, { expectedVersion: 'no_stream' });
      await ctx.store.appendToStream(s, [event(T)], { expectedVersion: 2 });
      // The retry still carries the expected version it was first sent with: it must not matter.
      for (const expectedVersion of ['no_stream', 0, 'any'] as const) {
        const again = await ctx.store.appendToStream(s, batch, { expectedVersion });
        expect(again).toEqual({ ...original, replayed: true });
      }
      expect(await ctx.store.streamVersion(s)).toBe(3);
    });

    it('refuses an id already stored with other content, appending nothing', async () => {
      const s = n.stream('idem-conflict');
      const eventId = randomUUID();
      await ctx.store.appendToStream(s, [event(T, { n: 1 }, { eventId })], { expectedVersion: 'no_stream' });
      for (const changed of [
        event(T, { n: 2 }, { eventId }),
        event(T, { n: 1 }, { eventId, personal: { fullName: 'x' } }),
        event(T, { n: 1 }, { eventId, occurredAt: new Date('2025-09-02T00:00:00Z') }),
      ]) {
        const err = await rejectionOf(ctx.store.appendToStream(s, [changed], { expectedVersion: 'any' }));
        expect(err).toBeInstanceOf(IdempotencyConflictError);
        expect(err).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', streamId: s });
      }
      // Part old, part new is a conflict too.
      const mixed = [event(T, { n: 1 }, { eventId }), event(T, { n: 3 }, { eventId: randomUUID() })];
      expect(await rejectionOf(ctx.store.appendToStream(s, mixed, { expectedVersion: 1 }))).toBeInstanceOf(
        IdempotencyConflictError,
      );
      expect(await ctx.store.streamVersion(s)).toBe(1);
    });

    it('stores an event once when the same append is sent eight times at once', async () => {
      const s = n.stream('idem-race');
      const batch = [event(T, { n: 1 }, { eventId: randomUUID(), personal: { fullName: 'Lê C' } })];
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ctx.store.appendToStream(s, batch, { expectedVersion: 'no_stream' })),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => `${r.nextExpectedVersion}@${r.position}`)).size).toBe(1);
      expect(await ctx.store.streamVersion(s)).toBe(1);
    });
  });

  it.each([
    ['no events', () => []],
    ['a malformed event id', () => [event('T', {}, { eventId: 'not-a-uuid' })]],
    [
      'one event id twice',
      () => [
        event('T', {}, { eventId: 'a3c1e8f2-6a4b-4a8e-9a53-0d8c1c2e7f10' }),
        event('T', {}, { eventId: 'a3c1e8f2-6a4b-4a8e-9a53-0d8c1c2e7f10' }),
      ],
    ],
    ['a type starting with $', () => [event('$system')]],
    ['NaN in data', () => [event('T', { x: Number.NaN })]],
    ['U+0000 in data', () => [event('T', { x: 'a\u0000b' })]],
    ['an invalid date', () => [event('T', {}, { occurredAt: new Date('nope') })]],
    ['data that is an array', () => [event('T', [] as unknown as Record<string, unknown>)]],
  ])('refuses an append with %s before writing anything', async (_, events) => {
    const s = n.stream('invalid');
    const err = await rejectionOf(ctx.store.appendToStream(s, events(), { expectedVersion: 'any' }));
    expect(err).toBeInstanceOf(InvalidAppendError);
    expect(await ctx.store.streamVersion(s)).toBe(0);
  });

  it.each([-1, 1.5, 'latest'])('refuses the expected version %s', async (expectedVersion) => {
    const err = await rejectionOf(
      ctx.store.appendToStream(n.stream('bad-expected'), [event(T)], {
        expectedVersion: expectedVersion as ExpectedVersion,
      }),
    );
    expect(err).toBeInstanceOf(InvalidAppendError);
  });
}
