import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type AccessLogQuery = NonNullable<paths['/v1/access-log']['get']['parameters']['query']>;

async function listAccessLog(query: AccessLogQuery) {
  return unwrap(await api.GET('/v1/access-log', { params: { query } }));
}

export type AccessEntry = Awaited<ReturnType<typeof listAccessLog>>['entries'][number];

export const accessLogQuery = (query: AccessLogQuery) =>
  queryOptions({
    queryKey: ['access-log', query],
    queryFn: () => listAccessLog(query),
    placeholderData: keepPreviousData,
  });

/** A page of reads of household histories, newest first, filtered by household and reader. */
export function useAccessLog(query: AccessLogQuery) {
  return useQuery(accessLogQuery(query));
}
