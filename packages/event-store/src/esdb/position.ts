/**
 * EventStoreDB global position: the commit and prepare positions of its transaction file, encoded as
 * "esdb:<commit>:<prepare>". The prefix makes a PostgreSQL checkpoint fed to this adapter (or the
 * reverse) fail loudly instead of being misread as a position.
 */
export interface EsdbPosition {
  commit: bigint;
  prepare: bigint;
}

const PATTERN = /^esdb:(\d{1,20}):(\d{1,20})$/;

export function encodeEsdbPosition(p: EsdbPosition): string {
  return `esdb:${p.commit}:${p.prepare}`;
}

export function decodeEsdbPosition(value: string): EsdbPosition {
  const match = PATTERN.exec(value);
  if (!match?.[1] || !match[2]) throw new RangeError(`not an EventStoreDB event-store position: ${value}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function compareEsdbPositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Compares two encoded positions; throws RangeError for anything else. */
export function compareEncodedEsdbPositions(a: string, b: string): number {
  return compareEsdbPositions(decodeEsdbPosition(a), decodeEsdbPosition(b));
}
