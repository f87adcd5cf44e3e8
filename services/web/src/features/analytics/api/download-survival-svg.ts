import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { dispositionFilename, saveBlob } from '../lib/save-file';
import type { SurvivalQuery } from './get-survival';

/** The server's picture of the curves (for reports), fetched with the session and saved. */
async function downloadSurvivalSvg(query: SurvivalQuery) {
  const result = await api.GET('/v1/analytics/relapse/survival.svg', { params: { query }, parseAs: 'blob' });
  const blob = unwrap(result);
  const fallback = `relapse-survival-${query.groupBy ?? 'none'}-${query.asOf ?? 'today'}.svg`;
  saveBlob(blob, dispositionFilename(result.response.headers.get('content-disposition')) ?? fallback);
}

export function useDownloadSurvivalSvg() {
  return useMutation({ mutationFn: downloadSurvivalSvg });
}
