import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Language } from '../../../lib/format';
import { describeEvent } from '../../households/components/describe-event';
import type { HistoryEvent } from '../api/get-history-page';
import { eventActor, formatOccurred, shortId } from './event-meta';
import { HashCell } from './hash-cell';

interface EventTableProps {
  events: readonly HistoryEvent[];
  onDetails(event: HistoryEvent): void;
}

/** Events by version: what happened in plain words, who recorded it, when, and its hash. */
export function EventTable({ events, onDetails }: EventTableProps) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  // Voids are shown on the events they void when both are on the page.
  const voided = new Set(events.filter((e) => e.type === 'EventVoided').map((e) => String(e.data.eventId)));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('history.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {t('history.columns.version')}
            </Table.Th>
            <Table.Th scope="col">{t('history.columns.event')}</Table.Th>
            <Table.Th scope="col">{t('history.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('history.columns.occurred')}</Table.Th>
            <Table.Th scope="col">{t('history.columns.recorded')}</Table.Th>
            <Table.Th scope="col">{t('history.columns.hash')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('history.details')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const actor = eventActor(e.metadata);
            const roleKey = `roles.${actor.role}` as 'roles.auditor';
            return (
              <Table.Tr key={e.eventId}>
                <Table.Td ta="right">{e.version}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600} td={voided.has(e.eventId) ? 'line-through' : undefined}>
                      {describeEvent({ ...e, data: { ...(e.personal ?? {}), ...e.data } }, language)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {e.type}
                      {voided.has(e.eventId) && (
                        <Badge ml="xs" size="xs" color="gray">
                          {t('history.voided')}
                        </Badge>
                      )}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {actor.id ? (
                    <Stack gap={0}>
                      <Text size="sm">{actor.role ? tc(roleKey, { defaultValue: actor.role }) : ''}</Text>
                      <Text size="xs" c="dimmed" ff="monospace" title={actor.id}>
                        {shortId(actor.id)}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('history.unknownActor')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatOccurred(e.occurredAt, language)}</Table.Td>
                <Table.Td>{formatDateTime(e.recordedAt, language)}</Table.Td>
                <Table.Td>
                  <HashCell hash={e.hash} version={e.version} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('history.detailsOf', { version: e.version })}
                    onClick={() => onDetails(e)}
                  >
                    {t('history.details')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
