import { Alert, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useTransitions } from '../api/get-transitions';
import { fileSlug, roundRatio } from '../lib/csv';
import { isSmallCount } from '../lib/km';
import { POVERTY_STATUSES, type TransitionMatrix } from '../lib/schemas';
import { asLanguage, formatShare } from '../lib/stats-format';
import type { AnalyticsParams } from '../use-analytics-params';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import { HouseholdCount, Withheld } from './withheld';

interface PanelProps {
  params: AnalyticsParams;
  update(changes: Record<string, string | null>): void;
}

/**
 * The year-to-year transition matrix of the unit: from one year-end standing (rows) to the next
 * (columns), counts and row shares, for a chosen pair of years or all pairs pooled.
 */
export function TransitionsPanel({ params, update }: PanelProps) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const transitions = useTransitions(params.unit ? { unitCode: params.unit } : {});
  const data = transitions.data;
  const pairs = data?.byYear ?? [];
  const latest = pairs.at(-1);
  const chosen =
    params.pair === 'pooled'
      ? data?.pooled
      : (pairs.find((m) => String(m.fromYear) === params.pair) ?? latest ?? data?.pooled);
  const pairValue = chosen === data?.pooled ? 'pooled' : String(chosen?.fromYear ?? '');
  const options = [
    ...[...pairs].reverse().map((m) => ({
      value: String(m.fromYear),
      label: t('transitions.pairOption', { from: m.fromYear ?? '', to: m.toYear ?? '' }),
    })),
    { value: 'pooled', label: t('transitions.pooled') },
  ];
  return (
    <Stack gap="md">
      <Text size="sm">{t('transitions.intro')}</Text>
      <Text size="xs" c="dimmed">
        {t('transitions.scopeNote')}
      </Text>
      {transitions.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {t('shared.loadFailed', { message: problemMessage(transitions.error, tc('states.error')) })}
        </Alert>
      )}
      {transitions.isPending && <Loader aria-label={tc('states.loading')} />}
      {data && pairs.length === 0 && <Text>{t('transitions.none')}</Text>}
      {data && chosen && pairs.length > 0 && (
        <>
          <Select
            label={t('transitions.pair')}
            value={pairValue}
            allowDeselect={false}
            onChange={(v) => update({ pair: v })}
            data={options}
            maw={320}
          />
          <TransitionTable matrix={chosen} />
          {data.gaps !== 0 && (
            <Text size="xs" c="dimmed">
              {t('transitions.gaps', {
                // A count of fewer than 5 is not shown either.
                value:
                  data.gaps === null || isSmallCount(data.gaps)
                    ? t('shared.fewerThan5')
                    : formatNumber(data.gaps, language),
              })}
            </Text>
          )}
          {chosen.n !== null && !isSmallCount(chosen.n) && (
            <Text size="xs" c="dimmed">
              {t('transitions.households', { n: formatNumber(chosen.n, language) })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function TransitionTable({ matrix }: { matrix: TransitionMatrix }) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const withheld = tc('states.suppressed');
  const pooled = matrix.fromYear === null;
  const caption = pooled
    ? t('transitions.captionPooled')
    : t('transitions.caption', { from: matrix.fromYear ?? '', to: matrix.toYear ?? '' });
  if (matrix.suppressed) {
    return (
      <Alert color="gray" title={caption}>
        {t('shared.withheldTable')}
      </Alert>
    );
  }
  const status = (s: string) => tc(`classification.${s as 'poor'}`);
  const csvName = t('transitions.csvName');
  return (
    <Stack gap="xs">
      <ScrollTable label={caption} minWidth={520}>
        <Table withTableBorder withColumnBorders captionSide="top" verticalSpacing={6}>
          <Table.Caption ta="left" fw={600}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {pooled ? `${t('transitions.from')} \\ ${t('transitions.to')}` : t('transitions.corner')}
              </Table.Th>
              {POVERTY_STATUSES.map((s) => (
                <Table.Th key={s} scope="col" ta="right">
                  {status(s)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('transitions.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {POVERTY_STATUSES.map((from) => {
              const row = matrix.rows.find((r) => r.from === from);
              return (
                <Table.Tr key={from}>
                  <Table.Th scope="row">{status(from)}</Table.Th>
                  {POVERTY_STATUSES.map((to) => {
                    const cell = row?.cells.find((c) => c.to === to);
                    return (
                      <Table.Td key={to} ta="right">
                        {!cell || cell.suppressed || cell.count === null ? (
                          <Withheld size="xs" reason={cell?.withheld} />
                        ) : (
                          <>
                            <Text span size="sm" fw={600}>
                              {formatNumber(cell.count, language)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {formatShare(cell.proportion, language)}
                            </Text>
                          </>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right">
                    <HouseholdCount value={row?.total ?? null} suppressed={!row || row.suppressed} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group justify="flex-end">
        <CsvButton
          name={caption}
          filename={`${fileSlug(csvName)}-${pooled ? 'pooled' : `${matrix.fromYear}-${matrix.toYear}`}.csv`}
          build={() => ({
            header: [t('transitions.from'), t('transitions.to'), t('transitions.count'), t('transitions.share')],
            rows: matrix.rows.flatMap((row) =>
              row.cells.map((cell) => [
                status(row.from),
                status(cell.to),
                cell.suppressed || cell.count === null ? withheld : cell.count,
                cell.suppressed ? withheld : roundRatio(cell.proportion),
              ]),
            ),
          })}
        />
      </Group>
    </Stack>
  );
}
