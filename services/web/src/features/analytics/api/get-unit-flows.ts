import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { Flow } from '../lib/schemas';

export type UnitFlowsQuery = NonNullable<paths['/v1/analytics/units/{code}']['get']['parameters']['query']>;

async function getUnitFlows(code: string, query: UnitFlowsQuery) {
  const answer = unwrap(await api.GET('/v1/analytics/units/{code}', { params: { path: { code }, query } }));
  // The document types the rows as open records: their shape is checked here.
  return { ...answer, flows: z.array(Flow).parse(answer.flows) };
}

export const unitFlowsQuery = (code: string | undefined, query: UnitFlowsQuery) =>
  queryOptions({
    queryKey: ['analytics', 'unit-flows', code, query],
    queryFn: () => getUnitFlows(code as string, query),
    enabled: Boolean(code),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** A unit's flows by year: escaped, relapsed, newly poor, at risk on 1 January, annual hazard. */
export function useUnitFlows(code: string | undefined, query: UnitFlowsQuery) {
  return useQuery(unitFlowsQuery(code, query));
}
