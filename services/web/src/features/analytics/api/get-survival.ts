import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type SurvivalQuery = NonNullable<paths['/v1/analytics/relapse/survival']['get']['parameters']['query']>;
export type Survival = paths['/v1/analytics/relapse/survival']['get']['responses'][200]['content']['application/json'];
export type GroupBy = NonNullable<SurvivalQuery['groupBy']>;
export type ConfType = NonNullable<SurvivalQuery['confType']>;
export type Definition = NonNullable<SurvivalQuery['definition']>;

export const GROUPINGS: readonly GroupBy[] = [
  'none',
  'supportKind',
  'ethnicMinority',
  'ethnicity',
  'area',
  'province',
  'cohort',
];
export const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];
export const DEFINITIONS: readonly Definition[] = ['poor', 'poor_or_near_poor'];

async function getSurvival(query: SurvivalQuery) {
  return unwrap(await api.GET('/v1/analytics/relapse/survival', { params: { query } }));
}

export const survivalQuery = (query: SurvivalQuery) =>
  queryOptions({
    queryKey: ['analytics', 'survival', query],
    queryFn: () => getSurvival(query),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** Kaplan–Meier curves by group with the log-rank test (times in days; small groups withheld). */
export function useSurvival(query: SurvivalQuery) {
  return useQuery(survivalQuery(query));
}
