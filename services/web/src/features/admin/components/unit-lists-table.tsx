import { Alert, List, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useUnitLists } from '../api/list-unit-lists';

/** The unit lists loaded after the shipped national ones (version, from when, who), and the gaps in use. */
export function UnitListsTable() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const lists = useUnitLists();
  if (lists.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (lists.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(lists.error, tc('states.error'))}
      </Alert>
    );
  }
  const { lists: loaded, gaps } = lists.data;
  return (
    <Stack gap="sm">
      {loaded.length === 0 ? (
        <Text c="dimmed">{t('unitLists.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('unitLists.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {t('unitLists.columns.version')}
                </Table.Th>
                <Table.Th scope="col">{t('unitLists.columns.effectiveOn')}</Table.Th>
                <Table.Th scope="col">{t('unitLists.columns.source')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('unitLists.columns.units')}
                </Table.Th>
                <Table.Th scope="col">{t('unitLists.columns.loadedBy')}</Table.Th>
                <Table.Th scope="col">{t('unitLists.columns.loadedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loaded.map((l) => (
                <Table.Tr key={l.version}>
                  <Table.Td ta="right">{l.version}</Table.Td>
                  <Table.Td>{formatDate(l.effectiveOn, language)}</Table.Td>
                  <Table.Td>{l.source}</Table.Td>
                  <Table.Td ta="right">{formatNumber(l.units, language)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" title={l.loadedBy}>
                      {l.loadedBy.slice(0, 8)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(l.loadedAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {gaps.length > 0 && (
        <Alert color="yellow" title={t('unitLists.gaps')}>
          <List size="sm">
            {gaps.map((g) => (
              <List.Item key={g}>{g}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
