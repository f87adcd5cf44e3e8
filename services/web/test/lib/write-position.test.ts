import { describe, expect, it } from 'vitest';
import { lastPosition, notePosition, readsHouseholds } from '../../src/lib/write-position';

describe('read-your-writes position', () => {
  it('remembers the position the last command answered with, ignoring answers without one', () => {
    expect(lastPosition()).toBeUndefined();
    notePosition({ id: 'h1', version: 2, position: '1041' });
    notePosition({ status: 'ok' });
    notePosition(undefined);
    expect(lastPosition()).toBe('1041');
    notePosition({ position: '1052' });
    expect(lastPosition()).toBe('1052');
  });

  it('is sent with reads of households only', () => {
    expect(readsHouseholds('GET', '/v1/households')).toBe(true);
    expect(readsHouseholds('GET', '/v1/households/7c1e')).toBe(true);
    expect(readsHouseholds('POST', '/v1/households')).toBe(false);
    expect(readsHouseholds('GET', '/v1/units')).toBe(false);
  });
});
