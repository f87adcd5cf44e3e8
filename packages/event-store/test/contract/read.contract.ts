import { beforeAll, describe, expect, it } from 'vitest';
import { StreamNotFoundError } from '../../src/errors.js';
import { MAX_STREAMS_PER_READ, type ReadStreamOptions, type RecordedEvent } from '../../src/port.js';
import { type ContractContext, event, names, rejectionOf } from './harness.js';

export function readContract(ctx: ContractContext): void {
  const n = names();

  describe('readStream', () => {
    const T = n.type('Counted');
    const s = n.stream('ten');
    // Two appends, so ranges cross an append boundary.
    beforeAll(async () => {
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 4 }, (_, i) => event(T, { i: i + 1 })),
        { expectedVersion: 'no_stream' },
      );
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 6 }, (_, i) => event(T, { i: i + 5 })),
        { expectedVersion: 4 },
      );
    });

    const cases: Array<[string, ReadStreamOptions, number[]]> = [
      ['everything', {}, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['fromVersion', { fromVersion: 3 }, [3, 4, 5, 6, 7, 8, 9, 10]],
      ['toVersion', { toVersion: 5 }, [1, 2, 3, 4, 5]],
      ['a range', { fromVersion: 3, toVersion: 6 }, [3, 4, 5, 6]],
      ['maxCount', { maxCount: 4 }, [1, 2, 3, 4]],
      ['fromVersion and maxCount', { fromVersion: 4, maxCount: 2 }, [4, 5]],
      ['backward', { direction: 'backward' }, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
      ['backward from a version', { direction: 'backward', fromVersion: 7, maxCount: 3 }, [7, 6, 5]],
      ['backward down to a version', { direction: 'backward', toVersion: 8 }, [10, 9, 8]],
      ['backward from past the end', { direction: 'backward', fromVersion: 50, maxCount: 2 }, [10, 9]],
      ['past the end', { fromVersion: 11 }, []],
      ['maxCount 0', { maxCount: 0 }, []],
    ];
    it.each(cases)('%s', async (_, options, versions) => {
      const events = await ctx.store.readStream(s, options);
      expect(events.map((e) => e.version)).toEqual(versions);
      expect(events.map((e) => e.data.i)).toEqual(versions);
    });

    it('fails with StreamNotFoundError for a stream that has no events', async () => {
      const missing = n.stream('missing');
      const calls = [
        () => ctx.store.readStream(missing),
        () => ctx.store.readStream(missing, { maxCount: 0 }),
        () => ctx.store.verifyStream(missing),
      ];
      for (const call of calls) {
        const err = await rejectionOf(call());
        expect(err).toBeInstanceOf(StreamNotFoundError);
        expect(err).toMatchObject({ code: 'STREAM_NOT_FOUND', streamId: missing });
      }
      expect(await ctx.store.streamVersion(missing)).toBe(0);
    });
  });

  describe('readStreams', () => {
    const T = n.type('Many');
    const [a, b, c] = [n.stream('many'), n.stream('many'), n.stream('many')];
    beforeAll(async () => {
      // Interleaved appends: each stream's events are not contiguous in the log.
      for (let round = 0; round < 3; round++) {
        for (const [i, s] of [a, b, c].entries()) {
          await ctx.store.appendToStream(s, [event(T, { i, round }), event(T, { i, round })], {
            expectedVersion: round === 0 ? 'no_stream' : round * 2,
          });
        }
      }
    });

    it('reads each stream up to its toVersion, as readStream does, and leaves out streams with no events', async () => {
      const missing = n.stream('missing');
      const read = await ctx.store.readStreams([
        { streamId: c, toVersion: 3 },
        { streamId: missing },
        { streamId: a },
        { streamId: b, toVersion: 40 },
      ]);
      expect([...read.keys()].sort()).toEqual([a, b, c].sort());
      expect(read.get(a)).toEqual(await ctx.store.readStream(a));
      expect(read.get(b)).toEqual(await ctx.store.readStream(b));
      expect(read.get(c)).toEqual(await ctx.store.readStream(c, { toVersion: 3 }));
      expect(read.get(c)?.map((e) => e.version)).toEqual([1, 2, 3]);
    });

    it('answers an empty read with nothing and rejects too many streams or one named twice', async () => {
      expect((await ctx.store.readStreams([])).size).toBe(0);
      const many = Array.from({ length: MAX_STREAMS_PER_READ + 1 }, (_, i) => ({ streamId: `${a}-${i}` }));
      await expect(ctx.store.readStreams(many)).rejects.toBeInstanceOf(RangeError);
      await expect(ctx.store.readStreams([{ streamId: a }, { streamId: a }])).rejects.toBeInstanceOf(RangeError);
      await expect(ctx.store.readStreams([{ streamId: a, toVersion: 0 }])).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('readAll', () => {
    it('filters by event type and pages in global order, each page continuing where the last ended', async () => {
      const [A, B, C] = [n.type('A'), n.type('B'), n.type('C')];
      const streams = [n.stream('all'), n.stream('all'), n.stream('all')];
      const expected: string[] = [];
      for (let round = 0; round < 4; round++) {
        for (const [i, s] of streams.entries()) {
          const batch = [event(A, { round, i }), event(C, { round, i }), event(B, { round, i })];
          await ctx.store.appendToStream(s, batch, { expectedVersion: round === 0 ? 'no_stream' : round * 3 });
          expected.push(`${s}#${round * 3 + 1}`, `${s}#${round * 3 + 3}`);
        }
      }
      const seen: RecordedEvent[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await ctx.store.readAll({ ...(after ? { after } : {}), maxCount: 5, eventTypes: [A, B] });
        pages++;
        seen.push(...page.events);
        expect(page.events.length).toBeLessThanOrEqual(5);
        if (page.events.length > 0) {
          expect(
            ctx.store.comparePositions(page.position as string, page.events.at(-1)?.position as string),
          ).toBeGreaterThanOrEqual(0);
        }
        after = page.position;
        if (page.endOfLog) break;
      }
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(seen.map((e) => `${e.streamId}#${e.version}`)).toEqual(expected);
      for (let i = 1; i < seen.length; i++) {
        expect(
          ctx.store.comparePositions((seen[i - 1] as RecordedEvent).position, (seen[i] as RecordedEvent).position),
        ).toBeLessThan(0);
      }
      // Nothing new past the end; then exactly what is appended afterwards.
      expect((await ctx.store.readAll({ after, eventTypes: [A, B] })).events).toEqual([]);
      await ctx.store.appendToStream(streams[0] as string, [event(C), event(B)], { expectedVersion: 12 });
      const next = await ctx.store.readAll({ after, eventTypes: [A, B] });
      expect(next.events.map((e) => [e.type, e.version])).toEqual([[B, 14]]);
      expect(next.endOfLog).toBe(true);
    });

    it('reads every event, in append order, when not filtered', async () => {
      const T = n.type('Unfiltered');
      const start = await ctx.store.headPosition();
      const s = n.stream('unfiltered');
      await ctx.store.appendToStream(s, [event(T, { k: 1 }), event(T, { k: 2 })], { expectedVersion: 'no_stream' });
      await ctx.store.appendToStream(s, [event(T, { k: 3 })], { expectedVersion: 2 });
      const mine: RecordedEvent[] = [];
      let after = start;
      for (let guard = 0; guard < 1000; guard++) {
        const page = await ctx.store.readAll({ ...(after ? { after } : {}), maxCount: 100 });
        mine.push(...page.events.filter((e) => e.streamId === s));
        after = page.position;
        if (page.endOfLog) break;
      }
      expect(mine.map((e) => e.data.k)).toEqual([1, 2, 3]);
    });

    it('reports a head position no earlier than the last append, and orders positions', async () => {
      const s = n.stream('head');
      const result = await ctx.store.appendToStream(s, [event(n.type('Head'))], { expectedVersion: 'no_stream' });
      const head = await ctx.store.headPosition();
      expect(head).toBeDefined();
      expect(ctx.store.comparePositions(head as string, result.position)).toBeGreaterThanOrEqual(0);
      expect(ctx.store.comparePositions(result.position, result.position)).toBe(0);
      expect(() => ctx.store.comparePositions('garbage', result.position)).toThrow(RangeError);
    });
  });
}
