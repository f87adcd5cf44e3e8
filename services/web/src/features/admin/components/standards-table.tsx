import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, type Language } from '../../../lib/format';
import type { RulesInForce } from '../api/get-rules-in-force';

/** The poverty standards in force: list years, income lines, indicators, the poor threshold. */
export function StandardsTable({ standards }: { standards: RulesInForce['standards'] }) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('configuration.standards')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('configuration.standard.title')}</Table.Th>
            <Table.Th scope="col">{t('configuration.standard.listYears')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.standard.incomeRural')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.standard.incomeUrban')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.standard.indicators')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.standard.poorMin')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {standards.map((s) => (
            <Table.Tr key={`${s.id}-${s.version}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {s.names?.[language] ?? s.title}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.id} · v{s.version}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.listYears.from}–{s.listYears.to}
              </Table.Td>
              <Table.Td ta="right">{formatMoney(s.incomeLine.rural, language)}</Table.Td>
              <Table.Td ta="right">{formatMoney(s.incomeLine.urban, language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(s.indicators.length, language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(s.rule.poorMinDeprivations, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
