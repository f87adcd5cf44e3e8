import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { useUser } from '../../../lib/auth';
import { todayInVietnam } from '../../../lib/format';

export interface Commune {
  code: string;
  name: string;
}

/** The communes in force today that the user's units cover (a province covers its communes). */
async function fetchCommunes(units: readonly string[]): Promise<Commune[]> {
  const asOf = todayInVietnam();
  const lists = await Promise.all(
    units.map(async (code) => {
      const query =
        code.length === 5
          ? { q: code, level: 'commune' as const, asOf, limit: 5 }
          : { parent: code, level: 'commune' as const, asOf, limit: 500 };
      const answer = unwrap(await api.GET('/v1/units', { params: { query } }));
      return answer.units.filter((u) => code.length !== 5 || u.code === code);
    }),
  );
  const byCode = new Map(lists.flat().map((u) => [u.code, { code: u.code, name: u.name }]));
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function useMyCommunes() {
  const user = useUser();
  return useQuery({
    queryKey: ['units', 'communes', user.units],
    queryFn: () => fetchCommunes(user.units),
    staleTime: 60 * 60_000,
  });
}
