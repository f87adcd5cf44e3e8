import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getRules(date: string) {
  return unwrap(await api.GET('/v1/rules', { params: { query: { date } } }));
}

/** The rules in force on a date (GET /v1/rules): the choices an amendment offers for coded fields. */
export function useRulesOn(date: string | undefined) {
  return useQuery({
    queryKey: ['rules', date, 'raw'],
    queryFn: () => getRules(date as string),
    enabled: Boolean(date && /^\d{4}-\d{2}-\d{2}$/.test(date)),
    staleTime: 60 * 60_000,
  });
}
