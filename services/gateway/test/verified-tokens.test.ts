import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../src/plugins/verified-tokens.js';

describe('verified tokens', () => {
  it('answers a remembered token until the second of its expiry, then forgets it', () => {
    const tokens = new VerifiedTokens<{ sub: string }>();
    tokens.set('a.b.c', { sub: 'x' }, 1000);
    expect(tokens.get('a.b.c', 999)).toEqual({ sub: 'x' });
    expect(tokens.get('a.b.c', 1000)).toBeUndefined();
    expect(tokens.size).toBe(0);
    expect(tokens.get('a.b.c', 999)).toBeUndefined();
  });

  it('knows only tokens it was given, and gives way to new ones when full (oldest first)', () => {
    const tokens = new VerifiedTokens<number>(2);
    expect(tokens.get('x.y.z', 0)).toBeUndefined();
    tokens.set('t1', 1, 100);
    tokens.set('t2', 2, 100);
    tokens.set('t3', 3, 100);
    expect(tokens.size).toBe(2);
    expect(tokens.get('t1', 0)).toBeUndefined();
    expect(tokens.get('t2', 0)).toBe(2);
    expect(tokens.get('t3', 0)).toBe(3);
  });
});
