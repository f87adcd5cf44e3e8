import {
  bytesToHex,
  checkpointSignatureValid,
  leafHash,
  MerkleAccumulator,
  type SignedCheckpoint,
} from '@benvung/log-proof';
import type pg from 'pg';
import { GENESIS_HASH } from '../hash.js';
import { type EventRow, eventColumns, toStoredEvent } from '../postgres/rows.js';
import { expectedChainHash } from '../verify.js';
import { leafCount, readCheckpoints, readLeafEvents } from './tree-tables.js';

export interface LogProblem {
  kind: 'chain' | 'head' | 'leaf' | 'checkpoint';
  streamId?: string;
  version?: number;
  treeSize?: number;
  detail: string;
}

export interface LogVerification {
  valid: boolean;
  events: number;
  streams: number;
  leaves: number;
  /** Events after the last leaf: recorded since the tree was last extended, so not yet signed. */
  uncovered: number;
  /** The checkpoint everything was held against (the newest known), and what held. */
  checkpoint:
    | (SignedCheckpoint & { signatureValid: boolean; rootMatches: boolean; source: 'database' | 'given' })
    | null;
  checkpointsChecked: number;
  /** The first problems found (at most 100), in the order found. */
  problems: LogProblem[];
  problemCount: number;
}

export interface VerifyLogOptions {
  /** The key checkpoints must be signed with: from configuration, never from the database. */
  publicKey: Uint8Array;
  /** A checkpoint kept outside the database (a published line); held against too. */
  externalCheckpoint?: SignedCheckpoint;
  pageSize?: number;
  onProgress?: (phase: 'chains' | 'tree', done: number, total: number) => void;
}

const MAX_PROBLEMS = 100;

const chainsPage = (where: string) =>
  `SELECT ${eventColumns('e')}, h.version AS head_version, h.hash AS head_hash
   FROM es_events e LEFT JOIN es_stream_heads h ON h.stream_id = e.stream_id
   WHERE ${where} ORDER BY e.stream_id, e.version LIMIT $1`;

/**
 * Checks the whole log without holding it: every stream's chain and recorded head (in stream order),
 * then every leaf rebuilt from its event and the Merkle root at each checkpoint's size, against
 * signatures made with `publicKey`. A rewrite of the past — even with every hash, head and leaf
 * recomputed — gives another root, which no checkpoint signed.
 */
export async function verifyLog(pool: pg.Pool, options: VerifyLogOptions): Promise<LogVerification> {
  const pageSize = options.pageSize ?? 5000;
  const problems: LogProblem[] = [];
  let problemCount = 0;
  const report = (p: LogProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const totals = await pool.query<{ events: string; streams: string }>(
    `SELECT (SELECT count(*) FROM es_events) AS events, (SELECT count(*) FROM es_stream_heads) AS streams`,
  );
  const totalEvents = Number(totals.rows[0]?.events ?? 0);

  // 1. Chains and heads, stream by stream.
  let events = 0;
  let streams = 0;
  const orphanHeads = await pool.query<{ stream_id: string; version: number }>(
    `SELECT h.stream_id, h.version FROM es_stream_heads h
     WHERE NOT EXISTS (SELECT 1 FROM es_events e WHERE e.stream_id = h.stream_id) LIMIT ${MAX_PROBLEMS}`,
  );
  for (const h of orphanHeads.rows) {
    report({
      kind: 'head',
      streamId: h.stream_id,
      version: 1,
      detail: `no events, but the recorded head is version ${h.version}`,
    });
  }
  let current:
    | { streamId: string; version: number; hash: Buffer; head: { version: number; hash: Buffer } | null }
    | undefined;
  const closeStream = () => {
    if (!current) return;
    streams++;
    const { head } = current;
    if (!head) report({ kind: 'head', streamId: current.streamId, detail: 'the stream has no recorded head' });
    else if (head.version !== current.version || !head.hash.equals(current.hash)) {
      report({
        kind: 'head',
        streamId: current.streamId,
        version: Math.min(head.version, current.version + 1),
        detail: `the events end at version ${current.version}, the recorded head is version ${head.version}${
          head.version === current.version ? ' with another hash' : ''
        }`,
      });
    }
  };
  let after: [string, number] | undefined;
  for (;;) {
    // Keyset pages along the (stream_id, version) index; the first page has no lower bound.
    const page = await pool.query<EventRow & { head_version: number | null; head_hash: Buffer | null }>(
      after
        ? {
            name: 'es_verify_log_chains_next',
            text: chainsPage('(e.stream_id, e.version) > ($2::text, $3::int)'),
            values: [pageSize, ...after],
          }
        : { name: 'es_verify_log_chains_first', text: chainsPage('true'), values: [pageSize] },
    );
    for (const row of page.rows) {
      const e = toStoredEvent(row);
      if (current?.streamId !== e.streamId) {
        closeStream();
        current = {
          streamId: e.streamId,
          version: 0,
          hash: GENESIS_HASH,
          head: row.head_version === null ? null : { version: row.head_version, hash: row.head_hash as Buffer },
        };
      }
      if (e.version !== current.version + 1) {
        report({
          kind: 'chain',
          streamId: e.streamId,
          version: current.version + 1,
          detail: `version ${e.version} follows ${current.version}`,
        });
      } else if (!expectedChainHash(e, current.hash).equals(e.hash)) {
        report({
          kind: 'chain',
          streamId: e.streamId,
          version: e.version,
          detail: 'stored form or chain does not match the recorded hash',
        });
      }
      current.version = e.version;
      current.hash = e.hash;
      events++;
    }
    options.onProgress?.('chains', events, totalEvents);
    const last = page.rows.at(-1);
    if (!last || page.rows.length < pageSize) break;
    after = [last.stream_id, last.version];
  }
  closeStream();

  // 2. The tree, leaf by leaf, against every checkpoint and the newest one given.
  const stored = (await readCheckpoints(pool, 1_000_000)).reverse();
  const external = options.externalCheckpoint;
  const targets = new Map<number, Array<{ c: SignedCheckpoint; source: 'database' | 'given' }>>();
  for (const c of stored) targets.set(c.treeSize, [{ c, source: 'database' }]);
  if (external)
    targets.set(external.treeSize, [...(targets.get(external.treeSize) ?? []), { c: external, source: 'given' }]);
  const newest = [...targets.values()]
    .flat()
    .sort((a, b) => b.c.treeSize - a.c.treeSize || (a.source === 'given' ? -1 : 1))[0];
  let newestResult: LogVerification['checkpoint'] = null;
  const leaves = await leafCount(pool);
  const acc = new MerkleAccumulator();
  let checked = 0;
  const holdAgainst = (size: number) => {
    for (const { c, source } of targets.get(size) ?? []) {
      checked++;
      const signatureValid = checkpointSignatureValid(c, options.publicKey);
      const rootMatches = bytesToHex(acc.root()) === c.rootHash;
      if (!signatureValid)
        report({ kind: 'checkpoint', treeSize: size, detail: 'the signature is not the configured key’s' });
      if (!rootMatches)
        report({
          kind: 'checkpoint',
          treeSize: size,
          detail: 'the log as stored has another root than the one signed',
        });
      if (newest && newest.c === c) newestResult = { ...c, signatureValid, rootMatches, source };
    }
  };
  for (let from = 0; from < leaves; from += pageSize) {
    const rows = await readLeafEvents(pool, from, Math.min(from + pageSize, leaves)).catch((err: Error) => {
      report({ kind: 'leaf', detail: err.message });
      return [];
    });
    if (rows.length === 0) break;
    for (const l of rows) {
      if (!l.eventHash || l.recordedAtMs === null) {
        report({ kind: 'leaf', treeSize: l.leafIndex + 1, detail: `leaf ${l.leafIndex}: its event is not in the log` });
        acc.push(new Uint8Array(32));
      } else {
        // Rebuilt from the event as stored now; a difference from the leaf as added names the event.
        const leaf = leafHash(l.eventHash, l.recordedAtMs);
        if (!l.storedLeaf.equals(leaf)) {
          report({
            kind: 'leaf',
            ...(l.streamId ? { streamId: l.streamId } : {}),
            ...(l.version ? { version: l.version } : {}),
            treeSize: l.leafIndex + 1,
            detail: `leaf ${l.leafIndex}: the event is not the one added to the tree`,
          });
        }
        acc.push(leaf);
      }
      holdAgainst(acc.size);
    }
    options.onProgress?.('tree', acc.size, leaves);
  }
  for (const [size] of targets) {
    if (size > acc.size)
      report({
        kind: 'checkpoint',
        treeSize: size,
        detail: `signed for ${size} events, but the tree holds ${acc.size}`,
      });
  }
  return {
    valid: problemCount === 0,
    events,
    streams,
    leaves: acc.size,
    uncovered: Math.max(0, events - acc.size),
    checkpoint: newestResult,
    checkpointsChecked: checked,
    problems,
    problemCount,
  };
}
