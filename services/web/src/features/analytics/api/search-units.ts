import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type Unit = paths['/v1/units']['get']['responses'][200]['content']['application/json']['units'][number];

async function searchUnits(q: string, asOf: string | undefined) {
  const answer = unwrap(await api.GET('/v1/units', { params: { query: { q, limit: 20, ...(asOf ? { asOf } : {}) } } }));
  return answer.units;
}

export const unitSearchQuery = (q: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['units', 'search', { q, asOf }],
    queryFn: () => searchUnits(q, asOf),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });

/** Units in force on `asOf` whose name (accents and case aside) or code matches `q`. */
export function useUnitSearch(q: string, asOf: string | undefined) {
  return useQuery(unitSearchQuery(q, asOf));
}

/** The unit with this code (found by the same search, which matches codes too). */
export function useUnit(code: string | undefined, asOf: string | undefined) {
  const found = useQuery(unitSearchQuery(code ?? '', asOf));
  return { ...found, unit: found.data?.find((u) => u.code === code) };
}
