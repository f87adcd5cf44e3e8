import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '../../../lib/api-client';

async function getImport(id: string) {
  return unwrap(await api.GET('/v1/imports/{id}', { params: { path: { id } } }));
}

export type ListImport = Awaited<ReturnType<typeof getImport>>;
export type ImportProblem = ListImport['problems'][number];

/**
 * An import: progress, counts and its first problems; asked again every second while it runs. When it
 * ends, the list of imports changes, and so do the household lists if it wrote households.
 */
export function useImport(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['imports', 'detail', id],
    queryFn: () => getImport(id as string),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const status = query.data?.status;
  const written = query.data?.summary?.written === true;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'running' && status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      if (written) void queryClient.invalidateQueries({ queryKey: ['households'] });
    }
    previous.current = status;
  }, [status, written, queryClient]);
  return query;
}

/** Where the full problem report of an import is downloaded (CSV, Vietnamese and English). */
export const importReportUrl = (id: string) => `/v1/imports/${id}/report.csv`;
