import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, type Language } from '../../../lib/format';
import type { AccessEntry } from '../api/list-access-log';
import { shortId } from './event-meta';

/** Reads of household histories: when, by whom, which household, what was read. Scrolls sideways on a phone. */
export function AccessLogTable({
  entries,
  readerHref,
}: {
  entries: readonly AccessEntry[];
  /** Where the log filtered to one reader is. */
  readerHref(actorId: string): string;
}) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('accessLog.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('accessLog.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.columns.household')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.columns.request')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at, language)}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={readerHref(e.actorId)}
                  size="sm"
                  ff="monospace"
                  title={e.actorId}
                  aria-label={t('accessLog.byReader', { id: e.actorId })}
                >
                  {shortId(e.actorId)}
                </Anchor>
              </Table.Td>
              <Table.Td>{tc(`roles.${e.actorRole}` as 'roles.auditor', { defaultValue: e.actorRole })}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/households/${e.householdId}`}
                  ff="monospace"
                  size="sm"
                  aria-label={t('accessLog.openHousehold', { id: e.householdId })}
                  title={e.householdId}
                >
                  {shortId(e.householdId)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`accessLog.actions.${e.action}`)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c="dimmed">
                  {e.requestId}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
