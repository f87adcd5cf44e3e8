import { type QueryClient, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { householdQuery } from '../../households/api/get-household';

const PAGE = 200;

/** A household as the lists give it. */
export type CommuneHousehold =
  paths['/v1/households']['get']['responses'][200]['content']['application/json']['households'][number];

/** Every household of a commune (a village of it, or matching a search), page after page. */
async function listAll(unitCode: string, village: string | undefined, q: string | undefined) {
  const all: CommuneHousehold[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = unwrap(
      await api.GET('/v1/households', {
        params: {
          query: {
            unitCode,
            limit: PAGE,
            offset,
            sort: 'name',
            ...(village ? { village } : {}),
            ...(q ? { q } : {}),
          },
        },
      }),
    );
    all.push(...page.households);
    if (page.households.length < PAGE || all.length >= page.total) return all;
  }
}

export const communeHouseholdsQuery = (unitCode: string, village?: string, q?: string) =>
  queryOptions({
    queryKey: ['households', 'round', unitCode, village ?? '', q ?? ''],
    queryFn: () => listAll(unitCode, village, q),
    staleTime: 60_000,
  });

/** The households to survey: a village's, or those a search finds in the commune. */
export function useCommuneHouseholds(unitCode: string, village: string | undefined, q: string | undefined) {
  return useQuery({ ...communeHouseholdsQuery(unitCode, village, q), enabled: Boolean(village || q) });
}

export interface HouseholdName {
  headName: string | null;
  householdCode: string | null;
  area: 'rural' | 'urban';
}

/**
 * The names of a round's households: each village's households in one read, and a household recorded
 * elsewhere (its meeting village stated at the survey) read on its own.
 */
export function useHouseholdNames(
  unitCode: string,
  households: ReadonlyArray<{ householdId: string; village: string }>,
) {
  const villages = [...new Set(households.map((h) => h.village))].sort();
  const lists = useQueries({ queries: villages.map((v) => communeHouseholdsQuery(unitCode, v)) });
  const names = new Map<string, HouseholdName>();
  for (const list of lists) {
    for (const h of list.data ?? []) {
      names.set(h.householdId, { headName: h.headName, householdCode: h.householdCode, area: h.area });
    }
  }
  const listed = lists.every((l) => !l.isPending);
  const missing = listed ? households.filter((h) => !names.has(h.householdId)).map((h) => h.householdId) : [];
  const single = useQueries({ queries: missing.map((id) => ({ ...householdQuery(id), staleTime: 60_000 })) });
  for (const [i, one] of single.entries()) {
    const id = missing[i];
    if (id && one.data) {
      names.set(id, { headName: one.data.headName, householdCode: one.data.householdCode, area: one.data.area });
    }
  }
  return names;
}

/**
 * A household as the survey lists showed it, from the lists already read: the survey form opens on it
 * even when the connection dropped after the list was shown.
 */
export function listedHousehold(queryClient: QueryClient, householdId: string): CommuneHousehold | undefined {
  for (const [, list] of queryClient.getQueriesData<CommuneHousehold[]>({ queryKey: ['households', 'round'] })) {
    const found = list?.find((h) => h.householdId === householdId);
    if (found) return found;
  }
  return undefined;
}
