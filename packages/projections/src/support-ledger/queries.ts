import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { SupportLedgerRow } from '../tables/support-ledger.js';

/** Filters of `listSupportLedger`. */
export interface SupportLedgerQuery {
  /** Include voided actions (default: yes — the ledger is an audit trail; pass false for what counts). */
  includeVoided?: boolean;
  kind?: string;
}

/** A household's support actions in the order they happened (then as recorded). */
export async function listSupportLedger(
  db: Kysely<ReadModelDatabase>,
  householdId: string,
  q: SupportLedgerQuery = {},
): Promise<SupportLedgerRow[]> {
  let query = db
    .selectFrom('support_ledger')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('occurred_on')
    .orderBy('version');
  if (q.includeVoided === false) query = query.where('voided', '=', false);
  if (q.kind) query = query.where('kind', '=', q.kind);
  return query.execute();
}
