import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type RegisterBody = paths['/v1/households']['post']['requestBody'] extends
  | { content: { 'application/json': infer B } }
  | undefined
  ? B
  : never;

/** Registers a household; the key makes a resend (a lost answer) land on the same household. */
export function useRegisterHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: RegisterBody; key: string }) =>
      unwrap(await api.POST('/v1/households', { body, headers: { 'idempotency-key': key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['households'] }),
  });
}
