import { SHIPPED_RULE_BOOK } from '@benvung/domain';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { SupportRules } from '../rules-on';

const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

async function getRules(date: string) {
  return unwrap(await api.GET('/v1/rules', { params: { query: { date } } }));
}

/**
 * The lending programmes, rates, caps and programme components in force on a date. When the server
 * cannot be reached (offline) the rules shipped with the app stand in, marked `shipped`: the server
 * checks the entry again when it is sent.
 */
export function useSupportRules(date: string): { rules: SupportRules | undefined; shipped: boolean } {
  const query = useQuery({
    queryKey: ['rules', date, 'raw'],
    queryFn: () => getRules(date),
    enabled: isDate(date),
    staleTime: 60 * 60_000,
    retry: 1,
  });
  if (query.data) return { rules: query.data, shipped: false };
  if (query.isError && isDate(date)) {
    try {
      return { rules: SHIPPED_RULE_BOOK.on(date), shipped: true };
    } catch {
      return { rules: undefined, shipped: false };
    }
  }
  return { rules: undefined, shipped: false };
}
