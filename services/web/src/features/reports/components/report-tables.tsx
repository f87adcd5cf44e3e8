import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';
import { ScrollTable } from '../../analytics/components/scroll-table';
import type { BalanceReport, BreakdownReport, DeprivationReport, RatesReport } from '../api/reports';

const POOR_KEYS = [
  'opening',
  'escaped',
  'escapedToNearPoor',
  'movedOut',
  'closed',
  'newly',
  'newlyFromNearPoor',
  'relapsed',
  'movedIn',
  'baseline',
  'closing',
] as const;
const NEAR_POOR_KEYS = [
  'opening',
  'escaped',
  'toPoor',
  'movedOut',
  'closed',
  'newly',
  'fromPoor',
  'relapsed',
  'movedIn',
  'baseline',
  'closing',
] as const;

/** A figure (or — when missing, the withheld text when suppressed). */
function useFigures(language: Language) {
  const { t: tc } = useTranslation();
  return {
    n: (v: number | null | undefined) => (v === null ? tc('states.suppressed') : formatNumber(v, language)),
    pct: (v: number | null | undefined) => formatNumber(v, language, 2),
  };
}

/** The unit a row is about, as a row header. */
function UnitCell({ row }: { row: { unitCode: string; unitName: string; remainder: boolean } }) {
  const { t } = useTranslation('reports');
  return (
    <Table.Th scope="row">
      {row.unitName} ({row.unitCode})
      {row.remainder && (
        <Text size="xs" c="dimmed">
          {t('remainder')}
        </Text>
      )}
    </Table.Th>
  );
}

/** The balance of one list per unit: start, decreases, increases, end — as the yearly form lays it out. */
function ListBalance({
  report,
  list,
  language,
}: {
  report: BalanceReport;
  list: 'poor' | 'nearPoor';
  language: Language;
}) {
  const { t } = useTranslation('reports');
  const { n } = useFigures(language);
  const keys = list === 'poor' ? POOR_KEYS : NEAR_POOR_KEYS;
  const caption = `${t('names.balance')}: ${t(list)}`;
  const heading = (key: string) => (t as unknown as (k: string) => string)(`balance.${list}.${key}`);
  const cell = (figures: Record<string, number>, key: string) => n(figures[key]);
  return (
    <ScrollTable label={caption} minWidth={1100}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('unitColumn')}</Table.Th>
            {keys.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {heading(k)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.unitCode + String(row.remainder)}>
              <UnitCell row={row} />
              {keys.map((k) => (
                <Table.Td key={k} ta="right">
                  {cell(row[list], k)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('total')}</Table.Th>
            {keys.map((k) => (
              <Table.Td key={k} ta="right">
                {cell(report.total[list], k)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function BalanceTables({ report, language }: { report: BalanceReport; language: Language }) {
  return (
    <Stack>
      <ListBalance report={report} list="poor" language={language} />
      <ListBalance report={report} list="nearPoor" language={language} />
    </Stack>
  );
}

export function RatesTable({ report, language }: { report: RatesReport; language: Language }) {
  const { t } = useTranslation('reports');
  const { n, pct } = useFigures(language);
  const caption = t('names.rates');
  const lines = [...report.rows.map((row) => ({ row, line: row })), { row: undefined, line: report.total }];
  return (
    <ScrollTable label={caption} minWidth={1200}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t('unitColumn')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('rates.households')}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={5} ta="center">
              {t('poor')}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={5} ta="center">
              {t('nearPoor')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('rates.unableToEscape')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('rates.rateExcludingUnable')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('rates.targets')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {(['poor', 'nearPoor'] as const).flatMap((list) =>
              (['opening', 'closing', 'rate', 'previousRate', 'change'] as const).map((k) => (
                <Table.Th key={`${list}-${k}`} scope="col" ta="right">
                  {t(`rates.${k}`)}
                </Table.Th>
              )),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ row, line }) => (
            <Table.Tr key={row ? row.unitCode + String(row.remainder) : 'total'} fw={row ? undefined : 700}>
              {row ? <UnitCell row={row} /> : <Table.Th scope="row">{t('total')}</Table.Th>}
              <Table.Td ta="right">{line.households === null ? '—' : n(line.households)}</Table.Td>
              {(['poor', 'nearPoor'] as const).flatMap((list) => [
                <Table.Td key={`${list}-o`} ta="right">
                  {n(line[list].opening)}
                </Table.Td>,
                <Table.Td key={`${list}-c`} ta="right">
                  {n(line[list].closing)}
                </Table.Td>,
                <Table.Td key={`${list}-r`} ta="right">
                  {pct(line[list].rate)}
                </Table.Td>,
                <Table.Td key={`${list}-p`} ta="right">
                  {pct(line[list].previousRate)}
                </Table.Td>,
                <Table.Td key={`${list}-d`} ta="right">
                  {pct(line[list].change)}
                </Table.Td>,
              ])}
              <Table.Td ta="right">{n(line.unableToEscape)}</Table.Td>
              <Table.Td ta="right">{pct(line.rateExcludingUnable)}</Table.Td>
              <Table.Td ta="right">
                {line.targets.length === 0
                  ? '—'
                  : t('rates.targetsMet', {
                      met: line.targets.filter((x) => x.met === true).length,
                      count: line.targets.length,
                    })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function BreakdownTable({ report, language }: { report: BreakdownReport; language: Language }) {
  const { t } = useTranslation('reports');
  const { n, pct } = useFigures(language);
  const caption = `${t('names.breakdown')}: ${t(`byOptions.${report.by}` as 'byOptions.area', { defaultValue: report.by })}`;
  const lines = [
    ...report.rows.map((row) => ({ key: `${row.unitCode}-${row.remainder}-${row.group}`, unit: row, line: row })),
    ...report.total.map((line) => ({ key: `total-${line.group}`, unit: undefined, line })),
  ];
  return (
    <ScrollTable label={caption} minWidth={900}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t('unitColumn')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2}>
              {t('breakdown.group')}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={3} ta="center">
              {t('poor')}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={3} ta="center">
              {t('nearPoor')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {(['poor', 'nearPoor'] as const).flatMap((list) =>
              (['opening', 'closing', 'share'] as const).map((k) => (
                <Table.Th key={`${list}-${k}`} scope="col" ta="right">
                  {t(`breakdown.${k}`)}
                </Table.Th>
              )),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ key, unit, line }) => (
            <Table.Tr key={key} fw={unit ? undefined : 700}>
              {unit ? <UnitCell row={unit} /> : <Table.Th scope="row">{t('total')}</Table.Th>}
              <Table.Td>{line.groupName}</Table.Td>
              <Table.Td ta="right">{n(line.poor ? line.poor.opening : null)}</Table.Td>
              <Table.Td ta="right">{n(line.poor ? line.poor.closing : null)}</Table.Td>
              <Table.Td ta="right">{pct(line.poorShare)}</Table.Td>
              <Table.Td ta="right">{n(line.nearPoor ? line.nearPoor.opening : null)}</Table.Td>
              <Table.Td ta="right">{n(line.nearPoor ? line.nearPoor.closing : null)}</Table.Td>
              <Table.Td ta="right">{pct(line.nearPoorShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The units together: for each list and standard, the share deprived on each indicator. */
export function DeprivationTables({ report, language }: { report: DeprivationReport; language: Language }) {
  const { t } = useTranslation('reports');
  const { n, pct } = useFigures(language);
  if (report.total.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Stack>
      {report.total.map((line) => {
        const caption = t('deprivations.list', {
          list: line.list === 'poor' ? t('poor') : t('nearPoor'),
          standard: line.standardId ?? '—',
          households: formatNumber(line.households, language),
          measured: formatNumber(line.measured, language),
        });
        return (
          <Stack key={`${line.list}-${line.standardId}`} gap="xs">
            <Title order={4} size="h5">
              {caption}
            </Title>
            <ScrollTable label={caption} minWidth={560}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('deprivations.indicator')}</Table.Th>
                    <Table.Th scope="col">{t('deprivations.dimension')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('deprivations.households')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('deprivations.share')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {line.indicators.map((i) => (
                    <Table.Tr key={i.code}>
                      <Table.Th scope="row">{i.name}</Table.Th>
                      <Table.Td>
                        {line.dimensions.find((d) => d.dimension === i.dimension)?.name ?? i.dimension}
                      </Table.Td>
                      <Table.Td ta="right">{n(i.households)}</Table.Td>
                      <Table.Td ta="right">{pct(i.share)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        );
      })}
    </Stack>
  );
}
