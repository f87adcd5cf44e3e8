import { BACKWARDS, END } from '@eventstore/db-client';
import { GENESIS_HASH } from '../hash.js';
import type { StoredIdentity } from '../idempotency.js';
import type { EsdbClient } from './client.js';
import { toIdentity } from './envelope.js';
import { readStreamDecoded } from './reads.js';
import { versionOfRevision } from './revisions.js';

const PAGE = 500;

export interface StreamHead {
  /** 0 when the stream does not exist. */
  version: number;
  /** Chain hash of the last event (the genesis hash for an empty stream). */
  hash: Buffer;
  /** Stored events carrying one of the ids being appended. */
  found: StoredIdentity[];
}

/**
 * What an append needs to know, read backwards from the end of the stream: the head (version and chain
 * hash) and any stored event with one of the appended ids. EventStoreDB has no index by event id, so
 * idempotency costs a read of the stream (household streams are short), stopping early once every id
 * has been seen.
 */
export async function scanForAppend(
  client: EsdbClient,
  streamId: string,
  ids: ReadonlySet<string>,
): Promise<StreamHead> {
  const head: StreamHead = { version: 0, hash: GENESIS_HASH, found: [] };
  let from: typeof END | bigint = END;
  for (;;) {
    const page = await readStreamDecoded(client, streamId, {
      direction: BACKWARDS,
      fromRevision: from,
      maxCount: PAGE,
    });
    if (!page) return head;
    for (const d of page) {
      if (head.version === 0) {
        head.version = versionOfRevision(d.event.revision);
        head.hash = Buffer.from(d.envelope.hash, 'hex');
      }
      if (ids.has(d.event.id)) head.found.push(toIdentity(d));
    }
    const lowest = page.at(-1)?.event.revision;
    if (page.length < PAGE || lowest === undefined || lowest === 0n || head.found.length === ids.size) return head;
    from = lowest - 1n;
  }
}
