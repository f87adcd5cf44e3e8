import { Alert, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useReadiness } from '../api/get-readiness';

/** /ready: the database, how far each projection lags behind the event log, and its state here. */
export function ReadinessPanel() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const ready = useReadiness();
  if (ready.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (ready.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(ready.error, tc('states.error'))}
      </Alert>
    );
  }
  const { status, checks } = ready.data;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color={status === 'ready' ? 'teal' : 'red'} size="lg">
          {status === 'ready' ? t('configuration.ready') : t('configuration.notReady')}
        </Badge>
        <Text size="sm">
          {t('configuration.database')}: {t(`configuration.databaseStates.${checks.database}`)}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" captionSide="top">
          <Table.Caption>{t('configuration.projectionCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('configuration.projection')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('configuration.lagEvents')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('configuration.lagSeconds')}
              </Table.Th>
              <Table.Th scope="col">{t('configuration.caughtUp')}</Table.Th>
              <Table.Th scope="col">{t('configuration.state')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('configuration.processed')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checks.projections.map((p) => (
              <Table.Tr key={p.name}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {p.name}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.lagEvents, language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.lagSeconds, language, 1)}</Table.Td>
                <Table.Td>{p.caughtUp ? t('configuration.yes') : t('configuration.no')}</Table.Td>
                <Table.Td>
                  {p.state === undefined ? (
                    t('configuration.notHere')
                  ) : (
                    <Text size="sm" c={p.state === 'running' ? undefined : 'red'} title={p.lastError}>
                      {t(`configuration.states.${p.state}`, { attempts: p.attempts ?? 0 })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.eventsProcessed, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
