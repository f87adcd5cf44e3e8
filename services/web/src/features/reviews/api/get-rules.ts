import type { ReviewType, StandardsData } from '@benvung/domain';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** The rules in force on a date, as the domain's classifier reads them. */
async function getRules(date: string) {
  const answer = unwrap(await api.GET('/v1/rules', { params: { query: { date } } }));
  const listYearRules = Object.fromEntries(answer.listYearRules.map((r) => [r.reviewType, r])) as unknown as Record<
    ReviewType,
    StandardsData['listYearRules'][ReviewType]
  >;
  return { ...answer, standardsData: { standards: answer.standards, listYearRules } as StandardsData };
}

export function useRules(date: string | undefined) {
  return useQuery({
    queryKey: ['rules', date],
    queryFn: () => getRules(date as string),
    enabled: Boolean(date && /^\d{4}-\d{2}-\d{2}$/.test(date)),
    staleTime: 60 * 60_000,
  });
}
