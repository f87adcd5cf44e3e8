import { Alert, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { type CohortsQuery, useCohorts } from '../api/get-cohorts';
import { fileSlug, roundRatio } from '../lib/csv';
import { isSmallCount } from '../lib/km';
import type { CohortRow } from '../lib/schemas';
import { asLanguage, formatInterval, formatShare } from '../lib/stats-format';
import type { AnalyticsParams } from '../use-analytics-params';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import { HouseholdCount, Withheld } from './withheld';

type Point = CohortRow['points'][number];

/** Cumulative relapse 1, 2, … 5 years after the escape, one row per escape year. */
export function CohortsPanel({ params }: { params: AnalyticsParams }) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const query: CohortsQuery = {
    definition: params.definition,
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.unit ? { unitCode: params.unit } : {}),
  };
  const cohorts = useCohorts(query);
  const data = cohorts.data;
  const rows = data?.cohorts ?? [];
  const horizons = [...new Set(rows.flatMap((r) => r.points.map((p) => p.years)))].sort((a, b) => a - b);
  const withheld = tc('states.suppressed');
  const share = (v: number) => formatShare(v, language);
  const pointAt = (row: CohortRow, years: number) => row.points.find((p) => p.years === years);
  const caption = t('cohorts.caption');
  const anyTooEarly = rows.some((r) => !r.suppressed && r.points.some((p) => !p.withinFollowUp));
  const cell = (p: Point | undefined) => {
    if (!p || p.suppressed) return <Withheld size="xs" />;
    if (!p.withinFollowUp || p.cumulativeRelapse === null) {
      return (
        <Text span size="sm" c="dimmed">
          {t('cohorts.notYet')}
        </Text>
      );
    }
    const ci = formatInterval(p.lower, p.upper, share);
    return (
      <>
        <Text span size="sm" fw={600}>
          {share(p.cumulativeRelapse)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('cohorts.ciLabel', { value: ci })}
        </Text>
      </>
    );
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('cohorts.intro')}</Text>
      {cohorts.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {t('shared.loadFailed', { message: problemMessage(cohorts.error, tc('states.error')) })}
        </Alert>
      )}
      {cohorts.isPending && <Loader aria-label={tc('states.loading')} />}
      {data && rows.length === 0 && <Text>{t('shared.empty')}</Text>}
      {data && rows.length > 0 && (
        <Stack gap="xs" style={{ opacity: cohorts.isPlaceholderData ? 0.6 : 1 }} aria-busy={cohorts.isFetching}>
          <Text size="sm" c="dimmed">
            {t('shared.asOfNote', { date: formatDate(data.asOf, language) })}
          </Text>
          {data.leftOut && (
            <Text size="sm" c="dimmed">
              {t('shared.leftOut')}
            </Text>
          )}
          <ScrollTable label={caption} minWidth={640}>
            <Table striped captionSide="top" verticalSpacing={4}>
              <Table.Caption ta="left" fw={600}>
                {caption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cohorts.cohort')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('cohorts.n')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('cohorts.events')}
                  </Table.Th>
                  {horizons.map((k) => (
                    <Table.Th key={k} scope="col" ta="right">
                      {t('cohorts.after', { count: k })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.cohort}>
                    <Table.Th scope="row">{row.cohort}</Table.Th>
                    {row.suppressed ? (
                      <Table.Td colSpan={2 + horizons.length}>
                        <Withheld reason={row.withheld} />
                      </Table.Td>
                    ) : (
                      <>
                        <Table.Td ta="right">
                          <HouseholdCount value={row.n} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <HouseholdCount value={row.events} />
                        </Table.Td>
                        {horizons.map((k) => (
                          <Table.Td key={k} ta="right">
                            {cell(pointAt(row, k))}
                          </Table.Td>
                        ))}
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {anyTooEarly && (
            <Text size="xs" c="dimmed">
              {t('cohorts.notYetNote')}
            </Text>
          )}
          <Group justify="flex-end">
            <CsvButton
              name={caption}
              filename={`${fileSlug(t('cohorts.csvName'))}-${data.definition}-${data.asOf}.csv`}
              build={() => ({
                header: [
                  t('cohorts.cohort'),
                  t('cohorts.n'),
                  t('cohorts.events'),
                  ...horizons.flatMap((k) => [
                    t('cohorts.after', { count: k }),
                    `${t('cohorts.csvCi', { count: k })} (min)`,
                    `${t('cohorts.csvCi', { count: k })} (max)`,
                    t('cohorts.csvRisk', { count: k }),
                  ]),
                ],
                rows: rows.map((row) => {
                  const count = (v: number | null) => (row.suppressed || v === null || isSmallCount(v) ? withheld : v);
                  return [
                    row.cohort,
                    count(row.n),
                    count(row.events),
                    ...horizons.flatMap((k) => {
                      const p = pointAt(row, k);
                      if (!p || p.suppressed || row.suppressed) return [withheld, withheld, withheld, withheld];
                      if (!p.withinFollowUp) return [t('cohorts.notYet'), null, null, count(p.nRisk)];
                      return [
                        roundRatio(p.cumulativeRelapse),
                        roundRatio(p.lower),
                        roundRatio(p.upper),
                        count(p.nRisk),
                      ];
                    }),
                  ];
                }),
              })}
            />
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
