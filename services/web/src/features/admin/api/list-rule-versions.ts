import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

async function listRuleVersions() {
  return unwrap(await api.GET('/v1/admin/rules'));
}

export type RuleVersion = Awaited<ReturnType<typeof listRuleVersions>>['versions'][number];

/** Every rule version loaded, oldest first, with who loaded it and why. */
export function useRuleVersions() {
  return useQuery({ queryKey: ['admin', 'rules'], queryFn: listRuleVersions });
}
