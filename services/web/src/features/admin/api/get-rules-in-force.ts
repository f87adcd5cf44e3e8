import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function getRulesInForce(date: string) {
  return unwrap(await api.GET('/v1/rules', { params: { query: { date } } }));
}

export type RulesInForce = Awaited<ReturnType<typeof getRulesInForce>>;

/** The rules in force on a date, as the server answers them (standards, list-year rules, loans, programmes). */
export function useRulesInForce(date: string) {
  return useQuery({
    queryKey: ['rules', 'in-force', date],
    queryFn: () => getRulesInForce(date),
    staleTime: 60 * 60_000,
  });
}
