import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getProvinces(asOf: string | undefined) {
  const answer = unwrap(
    await api.GET('/v1/units', { params: { query: { level: 'province', limit: 500, ...(asOf ? { asOf } : {}) } } }),
  );
  return new Map(answer.units.map((u) => [u.code, u.name]));
}

export const provincesQuery = (asOf: string | undefined, enabled: boolean) =>
  queryOptions({
    queryKey: ['units', 'provinces', { asOf }],
    queryFn: () => getProvinces(asOf),
    enabled,
    staleTime: 60 * 60_000,
  });

/** Province names by code (the survival route groups by province code). */
export function useProvinceNames(asOf: string | undefined, enabled: boolean) {
  return useQuery(provincesQuery(asOf, enabled));
}
