import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemMessage } from '../../../lib/problem';
import { useAccessLog } from '../api/list-access-log';
import { type AccessLogFilter, AccessLogFilters } from './access-log-filters';
import { AccessLogTable } from './access-log-table';
import { Pager } from './pager';

const PAGE_SIZE = 50;

/**
 * The access log: filters live in the address (a link from a household opens it filtered), pages
 * follow the server's cursors (the cursors of earlier pages are kept to go back).
 */
export function AccessLog() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: AccessLogFilter = {
    householdId: params.get('householdId') ?? '',
    actorId: params.get('actorId') ?? '',
  };
  // The cursors of the pages before this one, for the filters they were read with (new filters: page 1).
  const [paging, setPaging] = useState<{ search: string; cursors: string[] }>({ search: '', cursors: [] });
  const search = params.toString();
  const cursors = paging.search === search ? paging.cursors : [];
  const setCursors = (update: (c: string[]) => string[]) => setPaging({ search, cursors: update(cursors) });
  const cursor = cursors.at(-1);
  const log = useAccessLog({
    limit: PAGE_SIZE,
    ...(filter.householdId ? { householdId: filter.householdId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(cursor ? { cursor } : {}),
  });
  const next = log.data?.nextCursor;
  const applyFilter = (f: AccessLogFilter) => {
    const query = new URLSearchParams();
    if (f.householdId) query.set('householdId', f.householdId);
    if (f.actorId) query.set('actorId', f.actorId);
    setParams(query, { replace: true });
  };
  return (
    <Stack>
      <Title order={2}>{t('accessLog.title')}</Title>
      <Text size="sm">{t('accessLog.intro')}</Text>
      <Paper withBorder p="md">
        {/* Keyed by the address: a new link resets what the fields show. */}
        <AccessLogFilters key={search} value={filter} onChange={applyFilter} />
      </Paper>
      {log.isPending ? (
        <Loader aria-label={tc('states.loading')} />
      ) : log.isError ? (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {problemMessage(log.error, tc('states.error'))}
        </Alert>
      ) : log.data.entries.length === 0 ? (
        <Text c="dimmed">{t('accessLog.empty')}</Text>
      ) : (
        <AccessLogTable
          entries={log.data.entries}
          readerHref={(actorId) => {
            const query = new URLSearchParams(params);
            query.set('actorId', actorId);
            return `?${query.toString()}`;
          }}
        />
      )}
      {(cursors.length > 0 || next) && (
        <Pager
          label={t('accessLog.pageOf', { page: cursors.length + 1 })}
          onFirst={cursors.length > 0 ? () => setCursors(() => []) : undefined}
          onPrevious={cursors.length > 0 ? () => setCursors((c) => c.slice(0, -1)) : undefined}
          onNext={next ? () => setCursors((c) => [...c, next]) : undefined}
          edges="first"
        />
      )}
    </Stack>
  );
}
