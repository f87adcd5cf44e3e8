import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type UserChanges = NonNullable<
  paths['/v1/admin/users/{id}']['patch']['requestBody']
>['content']['application/json'];

async function updateUser({ id, changes }: { id: string; changes: UserChanges }) {
  return unwrap(await api.PATCH('/v1/admin/users/{id}', { params: { path: { id } }, body: changes }));
}

/** Changes an account's name, role, units or disabled state. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
