import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function listUnitLists() {
  return unwrap(await api.GET('/v1/admin/units/imports'));
}

export type UnitLists = Awaited<ReturnType<typeof listUnitLists>>;

/** The unit lists loaded after the shipped national ones, and the gaps of the list in use. */
export function useUnitLists() {
  return useQuery({ queryKey: ['admin', 'unit-lists'], queryFn: listUnitLists });
}
