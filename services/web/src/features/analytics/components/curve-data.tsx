import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { fileSlug, roundRatio } from '../lib/csv';
import { isSmallCount, toMonths } from '../lib/km';
import { asLanguage, formatInterval, formatMonths, formatShare } from '../lib/stats-format';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import type { SurvivalGroup } from './survival-groups';
import { Withheld } from './withheld';

/**
 * The curves as tables, the chart's text alternative: for each group every relapse time with the
 * households followed, the estimate and its interval. Rendered only when opened (a national curve
 * has thousands of rows).
 */
export function CurveData({ groups, filePrefix }: { groups: readonly SurvivalGroup[]; filePrefix: string }) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const [open, setOpen] = useState(false);
  const withheld = tc('states.suppressed');
  const columns = [
    t('survival.curveData.days'),
    t('survival.curveData.months'),
    t('survival.curveData.nRisk'),
    t('survival.curveData.survival'),
    t('survival.curveData.ci'),
  ];
  const share = (v: number) => formatShare(v, language);
  return (
    <Box component="details" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <Text component="summary" fw={600} style={{ cursor: 'pointer' }}>
        {t('survival.curveData.summary')}
      </Text>
      {open && (
        <Stack gap="md" mt="sm">
          {groups.map((g) => (
            <Stack key={g.key} gap={4}>
              {g.curve === null ? (
                <Text size="sm">
                  {t('survival.curveData.caption', { label: g.label })}: <Withheld />
                </Text>
              ) : (
                <>
                  <ScrollTable label={t('survival.curveData.caption', { label: g.label })} minWidth={480}>
                    <Table verticalSpacing={2} captionSide="top" striped>
                      <Table.Caption ta="left" fw={600}>
                        {t('survival.curveData.caption', { label: g.label })}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          {columns.map((c) => (
                            <Table.Th key={c} scope="col" ta="right">
                              {c}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {g.curve.steps.map((s) => (
                          <Table.Tr key={s.time}>
                            <Table.Td ta="right">{formatNumber(s.time, language)}</Table.Td>
                            <Table.Td ta="right">{formatMonths(s.time, language)}</Table.Td>
                            <Table.Td ta="right">
                              {isSmallCount(s.nRisk) ? <Withheld size="xs" /> : formatNumber(s.nRisk, language)}
                            </Table.Td>
                            <Table.Td ta="right">{share(s.survival)}</Table.Td>
                            <Table.Td ta="right">{formatInterval(s.lower, s.upper, share)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                  {g.curve.steps.length === 0 && <Text size="sm">{t('survival.curveData.noEvents')}</Text>}
                  {g.curve.tailWithheld && (
                    <Text size="sm" c="dimmed">
                      {t('survival.curveData.tailWithheld')}
                    </Text>
                  )}
                </>
              )}
            </Stack>
          ))}
          <Group justify="flex-end">
            <CsvButton
              name={t('survival.curveData.csvName')}
              filename={`${filePrefix}-${fileSlug(t('survival.curveData.csvName'))}.csv`}
              build={() => ({
                header: [
                  t('survival.groupsTable.group'),
                  ...columns.slice(0, 4),
                  `${columns[4]} (min)`,
                  `${columns[4]} (max)`,
                ],
                rows: groups.flatMap((g) =>
                  g.curve === null
                    ? [[g.label, withheld, withheld, withheld, withheld, withheld, withheld]]
                    : g.curve.steps.map((s) => [
                        g.label,
                        s.time,
                        roundRatio(toMonths(s.time)),
                        isSmallCount(s.nRisk) ? withheld : s.nRisk,
                        roundRatio(s.survival),
                        roundRatio(s.lower),
                        roundRatio(s.upper),
                      ]),
                ),
              })}
            />
          </Group>
        </Stack>
      )}
    </Box>
  );
}
