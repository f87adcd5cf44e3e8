import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { todayInVietnam } from '../../../lib/format';

export interface UnitOption {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
}

async function searchUnits(q: string): Promise<UnitOption[]> {
  const answer = unwrap(await api.GET('/v1/units', { params: { query: { q, asOf: todayInVietnam(), limit: 30 } } }));
  return answer.units.map((u) => ({ code: u.code, name: u.name, level: u.level }));
}

/** Units in force today whose name or code matches what is typed (accents aside). */
export function useUnitSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['units', 'search', text],
    queryFn: () => searchUnits(text),
    enabled: text.length > 0,
    staleTime: 60 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The names of units known by code (an account's units), looked up one code at a time. */
export function useUnitNames(codes: readonly string[]): Map<string, UnitOption> {
  const answers = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['units', 'search', code],
      queryFn: () => searchUnits(code),
      staleTime: 60 * 60_000,
    })),
  });
  const names = new Map<string, UnitOption>();
  for (const unit of answers.flatMap((a) => a.data ?? [])) {
    if (codes.includes(unit.code)) names.set(unit.code, unit);
  }
  return names;
}
