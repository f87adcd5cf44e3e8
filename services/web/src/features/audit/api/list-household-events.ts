import { api, unwrap } from '../../../lib/api-client';
import type { HistoryEvent } from './get-history-page';

const PAGE = 500;

/** Every event of a household, by version: the history read page after page (500, its largest). */
export async function listHouseholdEvents(id: string, signal?: AbortSignal): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let fromVersion: number | undefined = 1;
  while (fromVersion !== undefined) {
    const page: { events: HistoryEvent[]; nextFromVersion?: number } = unwrap(
      await api.GET('/v1/households/{id}/history', {
        params: { path: { id }, query: { fromVersion, limit: PAGE } },
        signal,
      }),
    );
    events.push(...page.events);
    fromVersion = page.nextFromVersion;
  }
  return events;
}
