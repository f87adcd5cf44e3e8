import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, type Language } from '../../../lib/format';
import type { RulesInForce } from '../api/get-rules-in-force';

/** Each loan programme with the rate and cap in force. */
export function LoanProgrammesTable({ rules }: { rules: RulesInForce }) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('configuration.loans')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('configuration.loan.programme')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.loan.rate')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.loan.cap')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('configuration.loan.term')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.loanProgrammes.map((p) => {
            const rate = rules.loanRates.find((r) => r.programme === p.id);
            const cap = rules.loanCaps.find((c) => c.programme === p.id);
            return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm">{p.names[language]}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {p.id}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{rate ? formatNumber(rate.annualRatePercent, language, 2) : '—'}</Table.Td>
                <Table.Td ta="right">
                  {cap?.maxAmountVnd !== undefined ? formatMoney(cap.maxAmountVnd, language) : '—'}
                </Table.Td>
                <Table.Td ta="right">
                  {cap?.maxTermMonths !== undefined ? formatNumber(cap.maxTermMonths, language) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
