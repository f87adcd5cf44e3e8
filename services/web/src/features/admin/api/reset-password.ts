import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function resetPassword(id: string) {
  return unwrap(await api.POST('/v1/admin/users/{id}/password-reset', { params: { path: { id } } }));
}

/** Gives an account a new one-time password (answered once), unlocks it and ends its sessions. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
