import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { useUser } from '../../../lib/auth';
import { todayInVietnam } from '../../../lib/format';

export interface ScopeUnit {
  code: string;
  name: string;
}

/** The user's own units with their names (a list is imported into one of them, or a commune of one). */
async function fetchUnits(codes: readonly string[]): Promise<ScopeUnit[]> {
  const asOf = todayInVietnam();
  return Promise.all(
    codes.map(async (code) => {
      const answer = unwrap(await api.GET('/v1/units', { params: { query: { q: code, asOf, limit: 5 } } }));
      const unit = answer.units.find((u) => u.code === code);
      return { code, name: unit?.name ?? code };
    }),
  );
}

export function useMyUnits() {
  const user = useUser();
  return useQuery({
    queryKey: ['units', 'mine', user.units],
    queryFn: () => fetchUnits(user.units),
    staleTime: 60 * 60_000,
  });
}
