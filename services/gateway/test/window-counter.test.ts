import { describe, expect, it } from 'vitest';
import { WindowCounter } from '../src/application/window-counter.js';

describe('WindowCounter', () => {
  it('allows `limit` hits per window, says when the window resets, and starts afresh after it', () => {
    const counter = new WindowCounter(2, 60_000);
    expect(counter.hit('a', 1_000)).toEqual({ allowed: true, resetsInMs: 60_000 });
    expect(counter.hit('a', 2_000)).toEqual({ allowed: true, resetsInMs: 59_000 });
    expect(counter.hit('a', 43_000)).toEqual({ allowed: false, resetsInMs: 18_000 });
    expect(counter.hit('b', 43_000).allowed).toBe(true);
    expect(counter.hit('a', 61_000)).toEqual({ allowed: true, resetsInMs: 60_000 });
  });

  it('keeps at most `maxKeys` keys, dropping the oldest window', () => {
    const counter = new WindowCounter(1, 60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) counter.hit(key, 0);
    expect(counter.size).toBe(3);
    // `a` was dropped: it starts a new window; `d` is still over its limit.
    expect(counter.hit('a', 1).allowed).toBe(true);
    expect(counter.hit('d', 1).allowed).toBe(false);
  });
});
