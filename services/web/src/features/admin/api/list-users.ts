import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function listUsers(after: string | undefined, limit: number) {
  return unwrap(await api.GET('/v1/admin/users', { params: { query: { limit, ...(after ? { after } : {}) } } }));
}

export type UserAccount = Awaited<ReturnType<typeof listUsers>>['users'][number];

export const usersQuery = (after: string | undefined, limit: number) =>
  queryOptions({
    queryKey: ['admin', 'users', { after, limit }],
    queryFn: () => listUsers(after, limit),
    placeholderData: keepPreviousData,
  });

/** A page of accounts by username, starting after `after`. */
export function useUsers(after: string | undefined, limit: number) {
  return useQuery(usersQuery(after, limit));
}
