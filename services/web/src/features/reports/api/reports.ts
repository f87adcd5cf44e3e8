import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { dispositionFilename, saveBlob } from '../../analytics/lib/save-file';

export type ReportKind = 'balance' | 'rates' | 'breakdown' | 'deprivations';
type Path<K extends ReportKind> = `/v1/reports/${K}`;
type Json<K extends ReportKind> = paths[Path<K>]['get']['responses'][200]['content']['application/json'];

export type BalanceReport = Json<'balance'>;
export type RatesReport = Json<'rates'>;
export type BreakdownReport = Json<'breakdown'>;
export type DeprivationReport = Json<'deprivations'>;
export type BreakdownBy = NonNullable<paths['/v1/reports/breakdown']['get']['parameters']['query']>['by'];

/** What every report is asked for: the unit (the user's units when omitted) and the year. */
export interface ReportScope {
  unitCode?: string | undefined;
  year: number;
  by?: BreakdownBy | undefined;
  /** Titles, groups and indicator names come in it. */
  lang: 'vi' | 'en';
}

const query = (scope: ReportScope) => ({
  year: scope.year,
  lang: scope.lang,
  ...(scope.unitCode ? { unitCode: scope.unitCode } : {}),
});

async function getReport(kind: ReportKind, scope: ReportScope) {
  switch (kind) {
    case 'balance':
      return unwrap(await api.GET('/v1/reports/balance', { params: { query: query(scope) } }));
    case 'rates':
      return unwrap(await api.GET('/v1/reports/rates', { params: { query: query(scope) } }));
    case 'breakdown':
      return unwrap(
        await api.GET('/v1/reports/breakdown', {
          params: { query: { ...query(scope), by: scope.by ?? 'area' } },
        }),
      );
    case 'deprivations':
      return unwrap(await api.GET('/v1/reports/deprivations', { params: { query: query(scope) } }));
  }
}

/** A report's figures as JSON, for the table on screen. */
export function useReport<K extends ReportKind>(kind: K, scope: ReportScope) {
  return useQuery({
    queryKey: ['reports', kind, scope],
    queryFn: () => getReport(kind, scope) as Promise<Json<K>>,
    placeholderData: keepPreviousData,
  });
}

/**
 * The same report as the form the province sends up, CSV or XLSX with headings in the user's language,
 * fetched with the session and handed to the browser's downloads under the server's file name.
 */
async function downloadReport({
  kind,
  scope,
  format,
}: {
  kind: ReportKind;
  scope: ReportScope;
  format: 'csv' | 'xlsx';
}) {
  const params = { ...query(scope), format, ...(kind === 'breakdown' ? { by: scope.by ?? 'area' } : {}) };
  const result = await api.GET(`/v1/reports/${kind}` as '/v1/reports/breakdown', {
    params: { query: params as never },
    parseAs: 'blob',
  });
  const blob = unwrap(result) as unknown as Blob;
  const fallback = `${kind}-${scope.unitCode ?? 'all'}-${scope.year}.${format}`;
  saveBlob(blob, dispositionFilename(result.response.headers.get('content-disposition')) ?? fallback);
}

export function useDownloadReport() {
  return useMutation({ mutationFn: downloadReport });
}
