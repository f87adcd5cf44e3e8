import { NO_STREAM } from '@eventstore/db-client';

/**
 * Our versions count events from 1; EventStoreDB revisions count from 0. Version n is revision n-1, and
 * an empty stream (version 0) is NO_STREAM. Kept in one place so no call site gets it off by one.
 */
export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

export function revisionOfVersion(version: number): bigint {
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`version ${version} has no revision`);
  return BigInt(version - 1);
}

/** The expected revision that pins a stream at `version` (0: must not exist yet). */
export function expectedRevisionFor(version: number): typeof NO_STREAM | bigint {
  return version === 0 ? NO_STREAM : revisionOfVersion(version);
}

/** WrongExpectedVersionError's actual revision as our version. */
export function versionOfCurrentRevision(current: typeof NO_STREAM | bigint | string): number {
  return typeof current === 'bigint' ? versionOfRevision(current) : 0;
}
