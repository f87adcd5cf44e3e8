import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getMembers(id: string) {
  return unwrap(await api.GET('/v1/households/{id}/members', { params: { path: { id } } }));
}

export const membersQuery = (id: string) =>
  queryOptions({ queryKey: ['household', id, 'members'], queryFn: () => getMembers(id) });

export function useMembers(id: string) {
  return useQuery(membersQuery(id));
}
