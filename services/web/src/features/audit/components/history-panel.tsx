import { Alert, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { type HistoryEvent, useHistoryPage } from '../api/get-history-page';
import { EventDetails } from './event-details';
import { EventTable } from './event-table';
import { Pager } from './pager';

const SIZES = ['25', '50', '100', '200'];

/**
 * A household's events a page at a time, by version: versions run 1…n without gaps, so page p starts
 * at version (p−1)·size+1 and the household's version says how many pages there are.
 */
export function HistoryPanel({ householdId, version }: { householdId: string; version: number }) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [size, setSize] = useState(50);
  const [page, setPage] = useState(1);
  const [details, setDetails] = useState<HistoryEvent>();
  const history = useHistoryPage(householdId, { fromVersion: (page - 1) * size + 1, limit: size });
  // The status read may lag a write: a further page the server announces counts too.
  const pages = Math.max(1, Math.ceil(version / size), history.data?.nextFromVersion ? page + 1 : page);
  const go = (p: number) => (p >= 1 && p <= pages && p !== page ? () => setPage(p) : undefined);
  if (history.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (history.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(history.error, tc('states.error'))}
      </Alert>
    );
  }
  const { events } = history.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="end" wrap="wrap">
        <Select
          label={t('history.pageSize')}
          data={SIZES}
          value={String(size)}
          allowDeselect={false}
          w={220}
          onChange={(v) => {
            const next = Number(v ?? 50);
            // Stay on the page that holds the first event shown.
            setPage(Math.floor(((page - 1) * size) / next) + 1);
            setSize(next);
          }}
        />
        {history.isFetching && <Loader size="sm" aria-label={tc('states.loading')} />}
      </Group>
      {events.length === 0 ? (
        <Text c="dimmed">{t('history.empty')}</Text>
      ) : (
        <EventTable events={events} onDetails={setDetails} />
      )}
      {pages > 1 && (
        <Pager
          edges="both"
          label={t('pager.page', { page, pages })}
          onFirst={go(1)}
          onPrevious={go(page - 1)}
          onNext={go(page + 1)}
          onLast={go(pages)}
        />
      )}
      <EventDetails event={details} onClose={() => setDetails(undefined)} />
    </Stack>
  );
}
