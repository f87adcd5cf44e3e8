import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type UnitListInput = paths['/v1/admin/units/imports']['post']['requestBody']['content']['application/json'];

/** A problem of a refused list, as the 422 answer's `problems` names it (line 0: the file as a whole). */
export interface UnitListProblem {
  line: number;
  column?: string;
  message: string;
}

async function loadUnitList({ input, dryRun }: { input: UnitListInput; dryRun: boolean }) {
  return unwrap(
    await api.POST('/v1/admin/units/imports', {
      params: { query: { dryRun: dryRun ? 'true' : 'false' } },
      body: input,
    }),
  );
}

/**
 * Checks (dryRun) or loads a newer unit list; a load changes the lists and every unit search, so both
 * are refreshed.
 */
export function useLoadUnitList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loadUnitList,
    onSuccess: async (_answer, { dryRun }) => {
      if (dryRun) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['admin', 'unit-lists'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
}
