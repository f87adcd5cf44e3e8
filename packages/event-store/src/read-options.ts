import { MAX_STREAMS_PER_READ, type ReadStreamOptions, type StreamRead } from './port.js';

/** Largest PostgreSQL integer: versions and schema versions are stored as int4. */
export const MAX_INT4 = 2_147_483_647;
export const MAX_VERSION = MAX_INT4;

/** readStream options resolved to an inclusive version range, a limit and a direction. */
export interface StreamRange {
  backward: boolean;
  /** Lowest and highest version to return (inclusive). */
  lo: number;
  hi: number;
  limit: number;
}

function whole(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * `fromVersion` is where reading starts in the chosen direction (default: the first event forward, the
 * last backward), `toVersion` where it stops; both inclusive. Invalid options are programming errors.
 */
export function streamRange(options: ReadStreamOptions = {}): StreamRange {
  whole('fromVersion', options.fromVersion, 1);
  whole('toVersion', options.toVersion, 1);
  whole('maxCount', options.maxCount, 0);
  if (options.direction !== undefined && options.direction !== 'forward' && options.direction !== 'backward') {
    throw new RangeError(`direction must be 'forward' or 'backward'`);
  }
  const backward = options.direction === 'backward';
  const from = Math.min(options.fromVersion ?? (backward ? MAX_VERSION : 1), MAX_VERSION);
  const to = Math.min(options.toVersion ?? (backward ? 1 : MAX_VERSION), MAX_VERSION);
  const [lo, hi] = backward ? [to, from] : [from, to];
  return { backward, lo, hi, limit: Math.min(options.maxCount ?? MAX_VERSION, MAX_VERSION) };
}

/** readAll's page size: at least 1, at most 10,000. */
export function pageSize(maxCount: number | undefined, fallback = 1000): number {
  whole('maxCount', maxCount, 0);
  return Math.max(1, Math.min(maxCount ?? fallback, 10_000));
}

/** readStreams' reads checked: at most MAX_STREAMS_PER_READ, each stream once, versions whole numbers >= 1. */
export function streamReads(reads: readonly StreamRead[]): Array<{ streamId: string; toVersion: number }> {
  if (reads.length > MAX_STREAMS_PER_READ) {
    throw new RangeError(`readStreams takes at most ${MAX_STREAMS_PER_READ} streams, got ${reads.length}`);
  }
  const seen = new Set<string>();
  return reads.map(({ streamId, toVersion }) => {
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new RangeError('streamId must be a non-empty string');
    if (seen.has(streamId)) throw new RangeError(`stream ${streamId} is named twice`);
    seen.add(streamId);
    whole('toVersion', toVersion, 1);
    return { streamId, toVersion: Math.min(toVersion ?? MAX_VERSION, MAX_VERSION) };
  });
}
