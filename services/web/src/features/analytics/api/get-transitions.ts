import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { Transitions } from '../lib/schemas';

export type TransitionsQuery = NonNullable<paths['/v1/analytics/transitions']['get']['parameters']['query']>;

async function getTransitions(query: TransitionsQuery) {
  // The document types the matrices as `unknown`: their shape is checked here.
  return Transitions.parse(unwrap(await api.GET('/v1/analytics/transitions', { params: { query } })));
}

export const transitionsQuery = (query: TransitionsQuery) =>
  queryOptions({
    queryKey: ['analytics', 'transitions', query],
    queryFn: () => getTransitions(query),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** Year-to-year transition matrices (every consecutive pair, and pooled), small cells withheld. */
export function useTransitions(query: TransitionsQuery) {
  return useQuery(transitionsQuery(query));
}
