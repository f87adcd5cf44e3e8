import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, type Language } from '../../../lib/format';
import type { RulesInForce } from '../api/get-rules-in-force';

/** The programmes in force and how many components each has. */
export function ProgrammesTable({ rules }: { rules: RulesInForce }) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('configuration.programmes')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('configuration.programme.name')}</Table.Th>
            <Table.Th scope="col">{t('configuration.programme.from')}</Table.Th>
            <Table.Th scope="col">{t('configuration.programme.to')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.programme.components')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.programmes.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>
                <Text size="sm">{p.names[language]}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.code}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(p.validFrom, language)}</Table.Td>
              <Table.Td>{formatDate(p.validTo, language)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(rules.programmeComponents.filter((c) => c.programme === p.code).length, language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
