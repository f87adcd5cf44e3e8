import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type CreateUserInput = paths['/v1/admin/users']['post']['requestBody']['content']['application/json'];

async function createUser(input: CreateUserInput) {
  return unwrap(await api.POST('/v1/admin/users', { body: input }));
}

/** Creates an account; without a password the answer holds a one-time password, shown once. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
