import { Alert, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useRuleVersions } from '../api/list-rule-versions';

/** Every rule version loaded, oldest first: what it is, from when, why, who loaded it. */
export function RuleVersionsTable() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const versions = useRuleVersions();
  if (versions.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (versions.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(versions.error, tc('states.error'))}
      </Alert>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('configuration.ruleCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {t('configuration.rule.version')}
            </Table.Th>
            <Table.Th scope="col">{t('configuration.rule.title')}</Table.Th>
            <Table.Th scope="col">{t('configuration.rule.effectiveFrom')}</Table.Th>
            <Table.Th scope="col">{t('configuration.rule.reason')}</Table.Th>
            <Table.Th scope="col">{t('configuration.rule.sections')}</Table.Th>
            <Table.Th scope="col">{t('configuration.rule.recorded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td ta="right">{v.version}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {v.title}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {v.id}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(v.effectiveFrom, language)}</Table.Td>
              <Table.Td>
                <Text size="sm">{v.reason}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{v.sections.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                {v.recordedBy || v.recordedAt ? (
                  <>
                    <Text size="xs" ff="monospace" title={v.recordedBy}>
                      {v.recordedBy?.slice(0, 8) ?? '—'}
                    </Text>
                    <Text size="xs">{formatDateTime(v.recordedAt, language)}</Text>
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('configuration.rule.shipped')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
