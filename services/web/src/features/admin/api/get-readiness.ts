import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api } from '../../../lib/api-client';
import { ApiProblem } from '../../../lib/problem';

export type Readiness = paths['/ready']['get']['responses'][200]['content']['application/json'];

/** /ready answers 503 with the same body when the database fails: both are an answer to show. */
async function getReadiness(): Promise<Readiness> {
  const result = await api.GET('/ready');
  const body = (result.data ?? result.error) as Readiness | undefined;
  if (!body) throw new ApiProblem(result.response.status, {});
  return body;
}

/** The database's state and each projection's lag, refreshed while the screen is open. */
export function useReadiness() {
  return useQuery({ queryKey: ['ready'], queryFn: getReadiness, refetchInterval: 15_000 });
}
