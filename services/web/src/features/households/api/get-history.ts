import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getHistory(id: string) {
  return unwrap(await api.GET('/v1/households/{id}/history', { params: { path: { id } } }));
}

export const historyQuery = (id: string) =>
  queryOptions({ queryKey: ['household', id, 'history'], queryFn: () => getHistory(id) });

/** A household's events, oldest first, with who recorded them (each read is in the access log). */
export function useHistory(id: string) {
  return useQuery(historyQuery(id));
}
