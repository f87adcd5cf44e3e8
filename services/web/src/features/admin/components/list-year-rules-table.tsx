import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RulesInForce } from '../api/get-rules-in-force';

/** "MM-DD" as dd/mm. */
const dayMonth = (md: string) => md.split('-').reverse().join('/');
/** A list-year offset as read on forms: N, N+1, N−1 (N: the review date's year). */
const year = (offset: number) => (offset === 0 ? 'N' : offset > 0 ? `N+${offset}` : `N−${-offset}`);

/** Which list year each review type decides by default, per window of the year. */
export function ListYearRulesTable({ rules }: { rules: RulesInForce['listYearRules'] }) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          {t('configuration.listYearRules')} ({t('configuration.yearNote')})
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('configuration.listYear.reviewType')}</Table.Th>
            <Table.Th scope="col">{t('configuration.listYear.defaults')}</Table.Th>
            <Table.Th scope="col">{t('configuration.listYear.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r) => (
            <Table.Tr key={r.reviewType}>
              <Table.Td>{t(`configuration.reviewTypes.${r.reviewType}`)}</Table.Td>
              <Table.Td>
                {r.defaults.length === 0 ? (
                  '—'
                ) : (
                  <List size="sm">
                    {r.defaults.map((d) => (
                      <List.Item key={`${d.from}-${d.to}`}>
                        {t('configuration.offset', {
                          from: dayMonth(d.from),
                          to: dayMonth(d.to),
                          year: year(d.offset),
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.basis}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
