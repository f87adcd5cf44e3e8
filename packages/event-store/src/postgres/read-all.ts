import type pg from 'pg';
import type { ReadAllPage } from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';
import { comparePgPositions, decodePosition, encodePosition } from './position.js';
import { type ReadRow, readColumns, toRecordedEvent } from './rows.js';

/**
 * The gap-free read of the global log. Order is (tx_id, seq) and only transactions older than the
 * oldest one still running (the snapshot's xmin) are read: a transaction that commits late has an id
 * at or above every xmin a reader saw while it ran, so it sorts after every position already handed
 * out, and is read later instead of skipped. One statement, so the page, the safe head and the
 * pending flag all come from one snapshot.
 */
function readAllText(filtered: boolean): string {
  const typeFilter = filtered ? 'AND e.type = ANY($4::text[])' : '';
  return `
    WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
    page AS (
      SELECT ${readColumns('e')} FROM es_events e, horizon
      WHERE (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint) AND e.tx_id < horizon.xmin ${typeFilter}
      ORDER BY e.tx_id, e.seq LIMIT $3
    ),
    head AS (
      SELECT e.tx_id AS head_tx, e.seq AS head_seq FROM es_events e, horizon
      WHERE e.tx_id < horizon.xmin ORDER BY e.tx_id DESC, e.seq DESC LIMIT 1
    ),
    -- The xmin is written out, not joined from horizon: compared with a constant, the (tx_id, seq)
    -- index answers in microseconds; joined, the planner scans the whole log on every page.
    pending AS (
      SELECT EXISTS (SELECT 1 FROM es_events e WHERE e.tx_id >= pg_snapshot_xmin(pg_current_snapshot())) AS pending
    )
    SELECT page.*, head.head_tx, head.head_seq, pending.pending
    FROM pending LEFT JOIN head ON true LEFT JOIN page ON true
    ORDER BY page.tx_id, page.seq`;
}

const UNFILTERED = readAllText(false);
const FILTERED = readAllText(true);

type PageRow = Partial<ReadRow> & { head_tx: string | null; head_seq: string | null; pending: boolean };

export interface LogPage extends ReadAllPage {
  /** Committed events exist past the safe head: an older transaction is still open. */
  pending: boolean;
}

export async function readLogPage(
  pool: pg.Pool,
  upcasters: UpcasterRegistry,
  after: string | undefined,
  limit: number,
  eventTypes: readonly string[] | undefined,
): Promise<LogPage> {
  const from = decodePosition(after);
  const filtered = eventTypes !== undefined && eventTypes.length > 0;
  const values: unknown[] = [from.tx.toString(), from.seq.toString(), limit];
  if (filtered) values.push([...eventTypes]);
  const result = await pool.query<PageRow>({
    name: filtered ? 'es_read_all_types' : 'es_read_all',
    text: filtered ? FILTERED : UNFILTERED,
    values,
  });
  const first = result.rows[0];
  const rows = result.rows.filter((r): r is ReadRow & PageRow => r.seq !== null && r.seq !== undefined);
  const events = rows.map((r) => toRecordedEvent(r, upcasters));
  const endOfLog = rows.length < limit;
  let position = events.at(-1)?.position ?? after;
  // At the end, move past everything read (events filtered out by type included), up to the safe head.
  if (endOfLog && first?.head_tx && first.head_seq) {
    const head = encodePosition({ tx: BigInt(first.head_tx), seq: BigInt(first.head_seq) });
    if (position === undefined || comparePgPositions(head, position) > 0) position = head;
  }
  return { events, position, endOfLog, pending: first?.pending ?? false };
}
