import {
  type ConfType,
  type GroupedObservation,
  type PublishedCurve,
  type PublishedLogRank,
  suppressSurvival,
  survivalByGroup,
} from '@benvung/analytics';
import type { ReadModelDatabase } from '@benvung/projections';
import type { Kysely } from 'kysely';
import { countEpisodes, type EpisodeFilter, type EpisodeGrouping } from './episode-query.js';

export interface SurvivalRequest {
  filter: EpisodeFilter;
  groupBy: EpisodeGrouping;
  confType: ConfType;
  /** Province code holding a unit on a date (for groupBy=province). */
  provinceOf: (unitCode: string, date: string) => string;
}

export interface SurvivalAnswer {
  groups: Array<PublishedCurve & { key: string }>;
  logRank: PublishedLogRank | null;
}

/**
 * Kaplan–Meier by group with the log-rank test, from the relapse_episodes read model. Groups about
 * fewer than 5 households are withheld (marked `suppressed`, figures null), never silently dropped.
 */
export async function relapseSurvival(
  db: Kysely<ReadModelDatabase>,
  request: SurvivalRequest,
): Promise<SurvivalAnswer> {
  const counts = await countEpisodes(db, request.filter, request.groupBy);
  const observations: GroupedObservation[] = [];
  for (const c of counts) {
    const group = request.groupBy === 'province' ? request.provinceOf(c.group, request.filter.asOf) : c.group;
    const observation = { group, time: c.time, event: c.event };
    for (let i = 0; i < c.count; i++) observations.push(observation);
  }
  const result = survivalByGroup(observations, { confType: request.confType });
  const published = suppressSurvival(result);
  return { groups: [...published.groups], logRank: published.logRank };
}
