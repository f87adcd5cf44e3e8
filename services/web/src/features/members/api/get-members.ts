import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getMembers(id: string) {
  return unwrap(await api.GET('/v1/households/{id}/members', { params: { path: { id } } }));
}

/** The household's listed members (the same query as the members tab: one cache entry). */
export const membersQuery = (id: string) =>
  queryOptions({ queryKey: ['household', id, 'members'], queryFn: () => getMembers(id) });

export type ListedMember = Awaited<ReturnType<typeof getMembers>>['members'][number];

export function useMembers(id: string) {
  return useQuery(membersQuery(id));
}
