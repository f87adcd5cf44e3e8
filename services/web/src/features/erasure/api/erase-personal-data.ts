import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type ErasureInput = paths['/v1/households/{id}/erasure']['post']['requestBody']['content']['application/json'];

interface Erase {
  householdId: string;
  body: ErasureInput;
  /** The version the user saw: an erasure decided on another version is refused (412). */
  version: number;
  /** One key per form: a second tap, or a retry after a lost answer, erases once. */
  key: string;
}

async function erase({ householdId, body, version, key }: Erase) {
  return unwrap(
    await api.POST('/v1/households/{id}/erasure', {
      params: { path: { id: householdId } },
      headers: { 'if-match': `"${version}"`, 'idempotency-key': key },
      body,
    }),
  );
}

/**
 * Erases a household's personal data. Sent at once, never kept in the offline outbox: an erasure is
 * confirmed by the person making it, while online, and its refusal shown to them.
 */
export function useErasePersonalData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: erase,
    onSuccess: async (_data, { householdId }) => {
      await queryClient.invalidateQueries({ queryKey: ['household', householdId] });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
    },
  });
}
