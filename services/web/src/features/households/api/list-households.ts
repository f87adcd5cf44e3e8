import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type HouseholdListQuery = NonNullable<paths['/v1/households']['get']['parameters']['query']>;

async function listHouseholds(query: HouseholdListQuery) {
  return unwrap(await api.GET('/v1/households', { params: { query } }));
}

export const householdsQuery = (query: HouseholdListQuery) =>
  queryOptions({
    queryKey: ['households', query],
    queryFn: () => listHouseholds(query),
    placeholderData: keepPreviousData,
  });

/** A page of the households of the user's units, as filtered and sorted. */
export function useHouseholds(query: HouseholdListQuery) {
  return useQuery(householdsQuery(query));
}
