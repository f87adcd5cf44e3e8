import { type ConfType, type ProtectedCurve, type ProtectedLogRank, protectedSurvival } from '@benvung/analytics';
import type { ReadModelDatabase } from '@benvung/projections';
import type { Kysely } from 'kysely';
import { countHouseholdCells, type EpisodeFilter, type EpisodeGrouping } from './episode-query.js';

export interface SurvivalRequest {
  filter: EpisodeFilter;
  groupBy: EpisodeGrouping;
  confType: ConfType;
  /** Province code holding a unit on a date (for groupBy=province). */
  provinceOf: (unitCode: string, date: string) => string;
}

export interface SurvivalAnswer {
  groups: readonly ProtectedCurve[];
  logRank: ProtectedLogRank | null;
  /** Households in cells of fewer than 5 (and their complements) are left out of every curve. */
  leftOut: boolean;
}

/**
 * Kaplan–Meier by group with the log-rank test, from the relapse_episodes read model, one escape per
 * household, under the publication rules of `protectedSurvival` (cells of fewer than 5 households
 * left out across units, banded life tables). Withheld groups are listed and marked, never dropped.
 */
export async function relapseSurvival(
  db: Kysely<ReadModelDatabase>,
  request: SurvivalRequest,
): Promise<SurvivalAnswer> {
  const cells = await countHouseholdCells(db, request.filter, request.groupBy);
  const grouped =
    request.groupBy === 'province'
      ? cells.map((c) => ({ ...c, group: request.provinceOf(c.group, request.filter.asOf) }))
      : cells;
  const published = protectedSurvival(grouped, { confType: request.confType });
  return { groups: published.groups, logRank: published.logRank, leftOut: published.leftOut };
}
