import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { CONF_TYPES, type ConfType, DEFINITIONS, type Definition, GROUPINGS, type GroupBy } from './api/get-survival';

export const TABS = ['survival', 'transitions', 'flows', 'cohorts'] as const;
export type Tab = (typeof TABS)[number];

/** What the analyst chose, kept in the address so a view can be reloaded, bookmarked and shared. */
export interface AnalyticsParams {
  tab: Tab;
  unit: string | undefined;
  asOf: string | undefined;
  definition: Definition;
  groupBy: GroupBy;
  confType: ConfType;
  zeroBased: boolean;
  /** Transition pair: the first year, or "pooled". */
  pair: string | undefined;
  fromYear: number | undefined;
  toYear: number | undefined;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const year = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
};
const date = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const unitCode = (value: string | null) => (value && /^\d{2,5}$/.test(value) ? value : undefined);

export function useAnalyticsParams(): [AnalyticsParams, (changes: Record<string, string | null>) => void] {
  const [search, setSearch] = useSearchParams();
  const params: AnalyticsParams = {
    tab: oneOf(search.get('tab'), TABS, 'survival'),
    unit: unitCode(search.get('unit')),
    asOf: date(search.get('asOf')),
    definition: oneOf(search.get('definition'), DEFINITIONS, 'poor'),
    groupBy: oneOf(search.get('groupBy'), GROUPINGS, 'none'),
    confType: oneOf(search.get('confType'), CONF_TYPES, 'log'),
    zeroBased: search.get('zero') === '1',
    pair: search.get('pair') ?? undefined,
    fromYear: year(search.get('from')),
    toYear: year(search.get('to')),
  };
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [params, update];
}
