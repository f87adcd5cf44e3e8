import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function listImports(limit: number) {
  return unwrap(await api.GET('/v1/imports', { params: { query: { limit } } }));
}

/** Imports into the user's units, newest first; asked again while one of them runs. */
export function useImports(limit = 20) {
  return useQuery({
    queryKey: ['imports', 'list', limit],
    queryFn: () => listImports(limit),
    refetchInterval: (query) => (query.state.data?.imports.some((i) => i.status === 'running') ? 3000 : false),
  });
}
