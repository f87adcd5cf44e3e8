import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getStateAsOf(id: string, asOf: string) {
  return unwrap(await api.GET('/v1/households/{id}/state', { params: { path: { id }, query: { asOf } } }));
}

export type ReplayedState = Awaited<ReturnType<typeof getStateAsOf>>;

/** The household replayed to the end of a business date (YYYY-MM-DD), by the write side's own rules. */
export function useStateAsOf(id: string, asOf: string) {
  return useQuery({
    queryKey: ['household', id, 'state', asOf],
    queryFn: () => getStateAsOf(id, asOf),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    retry: false,
  });
}
