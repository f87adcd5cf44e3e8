import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getHousehold(id: string) {
  const result = await api.GET('/v1/households/{id}', { params: { path: { id } } });
  return { ...unwrap(result), fromStream: result.response.headers.get('x-read-source') === 'stream' };
}

export const householdQuery = (id: string) =>
  queryOptions({ queryKey: ['household', id, 'status'], queryFn: () => getHousehold(id) });

/** A household's current status; right after a write it is read from the stream if lists lag. */
export function useHousehold(id: string) {
  return useQuery(householdQuery(id));
}
