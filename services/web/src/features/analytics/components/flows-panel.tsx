import { Alert, Box, Group, Loader, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language, todayInVietnam } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { type UnitFlowsQuery, useUnitFlows } from '../api/get-unit-flows';
import { useUnit } from '../api/search-units';
import { fileSlug, roundRatio } from '../lib/csv';
import { FLOW_FIELDS, type Flow, type FlowField } from '../lib/schemas';
import { asLanguage, formatShare } from '../lib/stats-format';
import type { AnalyticsParams } from '../use-analytics-params';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import { useUnitLabel } from './unit-picker';
import { Withheld } from './withheld';

interface PanelProps {
  params: AnalyticsParams;
  update(changes: Record<string, string | null>): void;
}

const RATIOS: readonly FlowField[] = ['relapsedPerEscaped', 'hazard'];
/** The counts drawn as bars, with Okabe–Ito colours. */
const BARS = [
  { field: 'escaped', colour: '#009E73' },
  { field: 'relapsed', colour: '#D55E00' },
  { field: 'newlyPoor', colour: '#0072B2' },
] as const;

const withheldField = (flow: Flow, field: FlowField) => flow[field] === null && flow.suppressedFields.includes(field);

/** A unit's flows by year: escapes, relapses, newly poor, households followed on 1 January and the hazard. */
export function FlowsPanel({ params, update }: PanelProps) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const unitLabel = useUnitLabel();
  const unit = useUnit(params.unit, params.asOf).unit;
  const query: UnitFlowsQuery = {
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.fromYear ? { fromYear: params.fromYear } : {}),
    ...(params.toYear ? { toYear: params.toYear } : {}),
  };
  const flows = useUnitFlows(params.unit, query);
  const lastYear = Number((params.asOf ?? todayInVietnam()).slice(0, 4));
  const years = Array.from({ length: Math.max(1, lastYear - 2015 + 1) }, (_, i) => String(lastYear - i));
  const name = unit ? unitLabel(unit) : (params.unit ?? '');
  const withheld = tc('states.suppressed');
  const show = (flow: Flow, field: FlowField) => {
    const value = flow[field];
    if (withheldField(flow, field)) return null;
    return RATIOS.includes(field) ? formatShare(value, language) : formatNumber(value, language);
  };

  if (!params.unit) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('flows.intro')}</Text>
        <Alert color="blue">{t('flows.pickUnit')}</Alert>
      </Stack>
    );
  }
  const rows = flows.data?.flows ?? [];
  const caption = t('flows.caption', { unit: name });
  const columns = FLOW_FIELDS.map((f) => t(`flows.${f}`));
  return (
    <Stack gap="md">
      <Text size="sm">{t('flows.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={560}>
        <Select
          label={t('flows.fromYear')}
          placeholder={t('flows.defaultFrom')}
          clearable
          value={params.fromYear ? String(params.fromYear) : null}
          onChange={(v) => update({ from: v })}
          data={years}
        />
        <Select
          label={t('flows.toYear')}
          placeholder={t('flows.defaultTo')}
          clearable
          value={params.toYear ? String(params.toYear) : null}
          onChange={(v) => update({ to: v })}
          data={years}
        />
      </SimpleGrid>
      {flows.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {t('shared.loadFailed', { message: problemMessage(flows.error, tc('states.error')) })}
        </Alert>
      )}
      {flows.isPending && <Loader aria-label={tc('states.loading')} />}
      {flows.data && rows.length === 0 && <Text>{t('shared.empty')}</Text>}
      {flows.data && rows.length > 0 && (
        <Stack gap="md" style={{ opacity: flows.isPlaceholderData ? 0.6 : 1 }} aria-busy={flows.isFetching}>
          <FlowsChart rows={rows} unit={name} language={language} />
          <ScrollTable label={caption} minWidth={760}>
            <Table striped captionSide="top" verticalSpacing={4}>
              <Table.Caption ta="left" fw={600}>
                {caption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('flows.year')}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c} scope="col" ta="right">
                      {c}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((flow) => (
                  <Table.Tr key={flow.year}>
                    <Table.Th scope="row">{flow.year}</Table.Th>
                    {FLOW_FIELDS.map((field) => (
                      <Table.Td key={field} ta="right">
                        {show(flow, field) ?? <Withheld size="xs" />}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Text size="xs" c="dimmed">
            {t('flows.hazardNote')}
          </Text>
          <Group justify="flex-end">
            <CsvButton
              name={caption}
              filename={`${fileSlug(t('flows.csvName'))}-${params.unit}.csv`}
              build={() => ({
                header: [t('flows.year'), ...columns],
                rows: rows.map((flow) => [
                  flow.year,
                  ...FLOW_FIELDS.map((field) =>
                    withheldField(flow, field)
                      ? withheld
                      : RATIOS.includes(field)
                        ? roundRatio(flow[field])
                        : flow[field],
                  ),
                ]),
              })}
            />
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/**
 * Grouped bars per year, hand-drawn SVG (three counts a year need no charting library). A withheld
 * count shows as a grey dashed stub; the table under it is the full text alternative.
 */
function FlowsChart({ rows, unit, language }: { rows: readonly Flow[]; unit: string; language: Language }) {
  const { t } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const id = useId();
  const { ref, width } = useElementSize();
  const W = Math.max(280, Math.round(width) || 600);
  const H = 220;
  const M = { left: 44, right: 8, top: 10, bottom: 26 };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const max = Math.max(5, ...rows.flatMap((r) => BARS.map((b) => r[b.field] ?? 0)));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => max / s <= 5) ?? magnitude * 10;
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const slot = plotW / rows.length;
  const barW = Math.max(4, Math.min(28, (slot * 0.8) / BARS.length));
  const value = (flow: Flow, field: FlowField) =>
    withheldField(flow, field) ? t('flows.suppressedShort') : formatNumber(flow[field], language);
  const summary = t('flows.chartSummary', {
    years: rows
      .map((r) =>
        t('flows.chartYear', {
          year: r.year,
          escaped: value(r, 'escaped'),
          relapsed: value(r, 'relapsed'),
          newlyPoor: value(r, 'newlyPoor'),
        }),
      )
      .join(' '),
  });
  return (
    <Stack gap={4}>
      <Box ref={ref} w="100%">
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
        >
          <title id={`${id}-title`}>{t('flows.chartTitle', { unit })}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={M.left + plotW} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
              <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#343a40">
                {formatNumber(v, language)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const x0 = M.left + i * slot + (slot - barW * BARS.length) / 2;
            return (
              <g key={r.year}>
                {BARS.map((b, j) => {
                  const x = x0 + j * barW;
                  const v = r[b.field];
                  if (withheldField(r, b.field) || v === null) {
                    return (
                      <rect
                        key={b.field}
                        x={x + 1}
                        y={y(0) - 10}
                        width={barW - 2}
                        height={10}
                        fill="none"
                        stroke="#868e96"
                        strokeDasharray="2 2"
                      />
                    );
                  }
                  return (
                    <rect key={b.field} x={x + 1} y={y(v)} width={barW - 2} height={y(0) - y(v)} fill={b.colour} />
                  );
                })}
                <text x={M.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" fontSize={11} fill="#343a40">
                  {r.year}
                </text>
              </g>
            );
          })}
          <line x1={M.left} x2={M.left + plotW} y1={y(0)} y2={y(0)} stroke="#868e96" />
        </svg>
      </Box>
      <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {BARS.map((b) => (
          <Group key={b.field} component="li" gap={6} wrap="nowrap">
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect width="12" height="12" fill={b.colour} />
            </svg>
            <Text size="sm" span>
              {t(`flows.${b.field}`)}
            </Text>
          </Group>
        ))}
        <Group component="li" gap={6} wrap="nowrap">
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="11" height="11" fill="none" stroke="#868e96" strokeDasharray="2 2" />
          </svg>
          <Text size="sm" span c="dimmed">
            {tc('states.suppressed')}
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
