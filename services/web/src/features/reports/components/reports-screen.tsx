import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useMyUnits } from '../../imports/api/my-units';
import { useMyCommunes } from '../../units';
import {
  type BalanceReport,
  type BreakdownBy,
  type BreakdownReport,
  type DeprivationReport,
  type RatesReport,
  type ReportKind,
  type ReportScope,
  useDownloadReport,
  useReport,
} from '../api/reports';
import { BalanceTables, BreakdownTable, DeprivationTables, RatesTable } from './report-tables';

const KINDS: readonly ReportKind[] = ['balance', 'rates', 'breakdown', 'deprivations'];
const BY: readonly BreakdownBy[] = ['area', 'ethnic_minority', 'unable_to_escape'];

/** CSV and XLSX of the report on screen, as the server lays out the form. */
function Downloads({ kind, scope }: { kind: ReportKind; scope: ReportScope }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const download = useDownloadReport();
  const name = t(`names.${kind}`);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          variant="light"
          aria-label={t('csvOf', { name })}
          loading={download.isPending && download.variables?.format === 'csv'}
          onClick={() => download.mutate({ kind, scope, format: 'csv' })}
        >
          {t('csv')}
        </Button>
        <Button
          variant="light"
          aria-label={t('xlsxOf', { name })}
          loading={download.isPending && download.variables?.format === 'xlsx'}
          onClick={() => download.mutate({ kind, scope, format: 'xlsx' })}
        >
          {t('xlsx')}
        </Button>
      </Group>
      {download.isError && (
        <Text size="sm" c="red.8" role="alert">
          {t('downloadFailed', { message: problemMessage(download.error, tc('states.error')) })}
        </Text>
      )}
    </Stack>
  );
}

/** The report's header notes (provisional, corrected since) and its table, or why there is none. */
function ReportPanel<R extends { provisional: boolean; asOf: string; year: number; correctedSinceTotal: number }>({
  kind,
  scope,
  children,
}: {
  kind: ReportKind;
  scope: ReportScope;
  children: (report: R) => ReactNode;
}) {
  const { t, i18n } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const report = useReport(kind, scope);
  // Each panel asks for its own report: its answer is the type the panel names.
  const data = report.data as unknown as R | undefined;
  return (
    <Stack>
      <Title order={3} size="h4">
        {t(`names.${kind}`)}
      </Title>
      <Downloads kind={kind} scope={scope} />
      {report.isPending && <Loader aria-label={tc('states.loading')} />}
      {report.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {problemMessage(report.error, tc('states.error'))}
        </Alert>
      )}
      {data && (
        <>
          {data.provisional && (
            <Text size="sm" c="dimmed">
              {t('provisional', { year: scope.year, asOf: formatDate(data.asOf, language) })}
            </Text>
          )}
          {data.correctedSinceTotal > 0 && (
            <Alert color="yellow">
              {t('corrected', { count: data.correctedSinceTotal, asOf: formatDate(data.asOf, language) })}
            </Alert>
          )}
          {children(data)}
        </>
      )}
    </Stack>
  );
}

/** /reports — the yearly report tables of a unit, each downloadable as CSV and XLSX. */
export function ReportsScreen() {
  const { t, i18n } = useTranslation('reports');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const [params, setParams] = useSearchParams();
  const units = useMyUnits();
  const communes = useMyCommunes();
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const kind = (KINDS as readonly string[]).includes(params.get('report') ?? '')
    ? (params.get('report') as ReportKind)
    : 'balance';
  const by = (BY as readonly string[]).includes(params.get('by') ?? '') ? (params.get('by') as BreakdownBy) : 'area';
  const scope: ReportScope = {
    year,
    lang: language,
    ...(params.get('unit') ? { unitCode: params.get('unit') as string } : {}),
    ...(kind === 'breakdown' ? { by } : {}),
  };
  const options = new Map<string, string>();
  for (const u of units.data ?? []) options.set(u.code, `${u.name} (${u.code})`);
  for (const c of communes.data ?? []) options.set(c.code, `${c.name} (${c.code})`);
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Text size="sm">{t('intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: kind === 'breakdown' ? 3 : 2 }}>
        <NativeSelect
          label={t('unit')}
          value={params.get('unit') ?? ''}
          onChange={(e) => update('unit', e.currentTarget.value || null)}
          data={[{ value: '', label: t('allUnits') }, ...[...options].map(([value, label]) => ({ value, label }))]}
        />
        <NumberInput
          label={t('year')}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => update('year', v === '' ? null : String(v))}
        />
        {kind === 'breakdown' && (
          <NativeSelect
            label={t('by')}
            value={by}
            onChange={(e) => update('by', e.currentTarget.value)}
            data={BY.map((b) => ({ value: b, label: t(`byOptions.${b}`) }))}
          />
        )}
      </SimpleGrid>
      <Tabs value={kind} onChange={(value) => update('report', value)}>
        <Tabs.List>
          {KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="balance" pt="md">
          {kind === 'balance' && (
            <ReportPanel<BalanceReport> kind="balance" scope={scope}>
              {(r) => <BalanceTables report={r} language={language} />}
            </ReportPanel>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="md">
          {kind === 'rates' && (
            <ReportPanel<RatesReport> kind="rates" scope={scope}>
              {(r) => <RatesTable report={r} language={language} />}
            </ReportPanel>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="breakdown" pt="md">
          {kind === 'breakdown' && (
            <ReportPanel<BreakdownReport> kind="breakdown" scope={scope}>
              {(r) => <BreakdownTable report={r} language={language} />}
            </ReportPanel>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="deprivations" pt="md">
          {kind === 'deprivations' && (
            <ReportPanel<DeprivationReport> kind="deprivations" scope={scope}>
              {(r) => <DeprivationTables report={r} language={language} />}
            </ReportPanel>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
