import { InvalidAppendError } from './errors.js';
import type { ExpectedVersion } from './port.js';
import { MAX_VERSION } from './read-options.js';

/** Refuses what is not an ExpectedVersion (a negative or fractional number, an unknown word). */
export function checkExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0 || expected > MAX_VERSION) {
      throw new InvalidAppendError(`expected version must be a non-negative integer, got ${expected}`);
    }
    return;
  }
  if (expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any') {
    throw new InvalidAppendError(`unknown expected version ${JSON.stringify(expected)}`);
  }
}

/** Whether a stream now at `current` (0: no stream) accepts an append that expects `expected`. */
export function expectedVersionHolds(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'stream_exists':
      return current > 0;
    default:
      return current === expected;
  }
}
