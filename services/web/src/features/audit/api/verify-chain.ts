import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function verifyChain(id: string) {
  return unwrap(await api.GET('/v1/households/{id}/verify', { params: { path: { id } } }));
}

export type ChainVerification = Awaited<ReturnType<typeof verifyChain>>;

/**
 * The household's hash chain recomputed on the server: asked for by the auditor (`enabled`), never on
 * its own, and never taken from an earlier answer (each check is a fresh one, and is logged).
 */
export function useChainVerification(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['household', id, 'verify'],
    queryFn: () => verifyChain(id),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
