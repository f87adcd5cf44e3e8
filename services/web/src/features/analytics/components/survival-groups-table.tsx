import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fileSlug, roundRatio } from '../lib/csv';
import { isSmallCount, toMonths } from '../lib/km';
import { asLanguage, formatMonths } from '../lib/stats-format';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import { SeriesSwatch } from './survival-chart';
import type { SurvivalGroup } from './survival-groups';
import { HouseholdCount, Withheld } from './withheld';

/** One row per group, withheld ones included: households, relapses, median time to relapse. */
export function SurvivalGroupsTable({ groups, filePrefix }: { groups: readonly SurvivalGroup[]; filePrefix: string }) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const withheld = tc('states.suppressed');
  const median = (g: SurvivalGroup) =>
    g.published.median === null ? t('shared.notReached') : formatMonths(g.published.median, language);
  const medianCi = (g: SurvivalGroup) => {
    const { medianLower: lo, medianUpper: hi } = g.published;
    if (lo === null && hi === null) return '—';
    return `${lo === null ? '—' : formatMonths(lo, language)}–${hi === null ? '—' : formatMonths(hi, language)}`;
  };
  const columns = [
    t('survival.groupsTable.group'),
    t('survival.groupsTable.n'),
    t('survival.groupsTable.events'),
    t('survival.groupsTable.median'),
    t('survival.groupsTable.medianCi'),
  ];
  const count = (v: number | null, suppressed: boolean) => (suppressed || isSmallCount(v) ? withheld : v);
  const months = (v: number | null) => (v === null ? null : roundRatio(toMonths(v)));
  return (
    <Stack gap="xs">
      <ScrollTable label={t('survival.groupsTable.caption')} minWidth={520}>
        <Table striped verticalSpacing={4} captionSide="top">
          <Table.Caption ta="left" fw={600}>
            {t('survival.groupsTable.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={c} scope="col" ta={i === 0 ? undefined : 'right'}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={6} wrap="nowrap">
                    <SeriesSwatch colour={g.colour} dash={g.dash} muted={g.curve === null} />
                    <Text size="sm" span>
                      {g.label}
                    </Text>
                  </Group>
                </Table.Th>
                {g.published.suppressed ? (
                  <Table.Td colSpan={4}>
                    <Withheld reason={g.published.withheld} />
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td ta="right">
                      <HouseholdCount value={g.published.n} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <HouseholdCount value={g.published.events} />
                    </Table.Td>
                    <Table.Td ta="right">{median(g)}</Table.Td>
                    <Table.Td ta="right">{medianCi(g)}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group justify="flex-end">
        <CsvButton
          name={t('survival.groupsTable.caption')}
          filename={`${filePrefix}-${fileSlug(t('survival.groupsTable.caption'))}.csv`}
          build={() => ({
            header: columns.flatMap((c, i) => (i === 4 ? [`${c} (min)`, `${c} (max)`] : [c])),
            rows: groups.map((g) =>
              g.published.suppressed
                ? [g.label, withheld, withheld, withheld, withheld, withheld]
                : [
                    g.label,
                    count(g.published.n, false),
                    count(g.published.events, false),
                    g.published.median === null ? t('shared.notReached') : months(g.published.median),
                    months(g.published.medianLower),
                    months(g.published.medianUpper),
                  ],
            ),
          })}
        />
      </Group>
    </Stack>
  );
}
