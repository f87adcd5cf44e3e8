import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export interface HistoryPageQuery {
  fromVersion: number;
  limit: number;
}

async function getHistoryPage(id: string, query: HistoryPageQuery) {
  return unwrap(await api.GET('/v1/households/{id}/history', { params: { path: { id }, query } }));
}

export type HistoryPage = Awaited<ReturnType<typeof getHistoryPage>>;
export type HistoryEvent = HistoryPage['events'][number];

export const historyPageQuery = (id: string, query: HistoryPageQuery) =>
  queryOptions({
    queryKey: ['household', id, 'history', query],
    queryFn: () => getHistoryPage(id, query),
    placeholderData: keepPreviousData,
  });

/** A page of a household's events by version, with metadata and hashes (each read is in the access log). */
export function useHistoryPage(id: string, query: HistoryPageQuery) {
  return useQuery(historyPageQuery(id, query));
}
