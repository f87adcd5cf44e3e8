import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { CohortRow } from '../lib/schemas';

export type CohortsQuery = NonNullable<paths['/v1/analytics/cohorts']['get']['parameters']['query']>;

async function getCohorts(query: CohortsQuery) {
  const answer = unwrap(await api.GET('/v1/analytics/cohorts', { params: { query } }));
  // The document types the rows as open records: their shape is checked here.
  return { ...answer, cohorts: z.array(CohortRow).parse(answer.cohorts) };
}

export const cohortsQuery = (query: CohortsQuery) =>
  queryOptions({
    queryKey: ['analytics', 'cohorts', query],
    queryFn: () => getCohorts(query),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** Cumulative relapse 1 − S(k years), k = 1…5, by escape year. */
export function useCohorts(query: CohortsQuery) {
  return useQuery(cohortsQuery(query));
}
