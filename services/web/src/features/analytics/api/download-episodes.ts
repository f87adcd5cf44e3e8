import { useMutation } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { dispositionFilename, saveBlob } from '../lib/save-file';

export type EpisodesQuery = NonNullable<paths['/v1/analytics/relapse/episodes.csv']['get']['parameters']['query']>;

/** Every escape episode of the scope, households pseudonymised by the server, fetched with the session. */
async function downloadEpisodes(query: EpisodesQuery) {
  const result = await api.GET('/v1/analytics/relapse/episodes.csv', { params: { query }, parseAs: 'blob' });
  const blob = unwrap(result);
  const fallback = `relapse-episodes-${query.asOf ?? 'today'}.csv`;
  saveBlob(blob, dispositionFilename(result.response.headers.get('content-disposition')) ?? fallback);
}

export function useDownloadEpisodes() {
  return useMutation({ mutationFn: downloadEpisodes });
}
