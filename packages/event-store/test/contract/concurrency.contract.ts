import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ConcurrencyError } from '../../src/errors.js';
import { type ContractContext, event, names } from './harness.js';

const WRITERS = 16;
const TARGET_VERSION = 160;

export function concurrencyContract(ctx: ContractContext): void {
  const n = names();

  it(`lets exactly one of ${WRITERS} concurrent writers win each version of one stream`, async () => {
    const s = n.stream('race');
    const T = n.type('Raced');
    const winners = new Map<number, string>(); // version → event id
    const losers = new Set<string>();
    let conflicts = 0;

    const writer = async (w: number) => {
      let expected = await ctx.store.streamVersion(s);
      while (expected < TARGET_VERSION) {
        const eventId = randomUUID();
        try {
          const result = await ctx.store.appendToStream(s, [event(T, { w }, { eventId })], {
            expectedVersion: expected,
          });
          expect(result.nextExpectedVersion).toBe(expected + 1);
          expect(winners.has(result.nextExpectedVersion)).toBe(false);
          winners.set(result.nextExpectedVersion, eventId);
          expected = result.nextExpectedVersion;
        } catch (err) {
          if (!(err instanceof ConcurrencyError)) throw err;
          expect(err.actual).toBeGreaterThan(expected);
          losers.add(eventId);
          conflicts++;
          expected = err.actual;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    expect(conflicts).toBeGreaterThan(0); // they really did race
    expect([...winners.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: TARGET_VERSION }, (_, i) => i + 1));
    const stored = await ctx.store.readStream(s);
    expect(stored.map((e) => e.version)).toEqual(Array.from({ length: TARGET_VERSION }, (_, i) => i + 1));
    for (const e of stored) expect(e.eventId).toBe(winners.get(e.version));
    expect(stored.some((e) => losers.has(e.eventId))).toBe(false);
    expect(await ctx.store.verifyStream(s)).toMatchObject({ valid: true, events: TARGET_VERSION });
  });
}
