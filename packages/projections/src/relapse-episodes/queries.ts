import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { RelapseEpisodesRow } from '../tables/relapse-episodes.js';

/** Filters of `listRelapseEpisodes`, all optional and combined with AND. */
export interface RelapseEpisodeQuery {
  householdId?: string;
  /** Units as recorded at the escape. */
  unitCodes?: readonly string[];
  escapeFrom?: RelapseEpisodesRow['escape_from'];
  escapeTo?: RelapseEpisodesRow['escape_to'];
  /** 'YYYY-MM-DD': leave out escapes after the analysis date. */
  escapedOnOrBefore?: string;
}

/** Relapse episodes for analytics, in a stable order (household, escape date, escape event). */
export async function listRelapseEpisodes(
  db: Kysely<ReadModelDatabase>,
  q: RelapseEpisodeQuery = {},
): Promise<RelapseEpisodesRow[]> {
  if (q.unitCodes && q.unitCodes.length === 0) return [];
  let query = db
    .selectFrom('relapse_episodes')
    .selectAll()
    .orderBy('household_id')
    .orderBy('escape_date')
    .orderBy('escape_event_id');
  if (q.householdId) query = query.where('household_id', '=', q.householdId);
  if (q.unitCodes) query = query.where('unit_code', 'in', [...q.unitCodes]);
  if (q.escapeFrom) query = query.where('escape_from', '=', q.escapeFrom);
  if (q.escapeTo) query = query.where('escape_to', '=', q.escapeTo);
  if (q.escapedOnOrBefore) query = query.where('escape_date', '<=', q.escapedOnOrBefore);
  return query.execute();
}
