import { Alert, Box, Group, Loader, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useProvinceNames } from '../api/get-provinces';
import {
  CONF_TYPES,
  type ConfType,
  GROUPINGS,
  type GroupBy,
  type SurvivalQuery,
  useSurvival,
} from '../api/get-survival';
import { groupLabel } from '../lib/group-labels';
import {
  cohortFollowUpLimit,
  horizonOf,
  isSmallCount,
  monthTicks,
  type PreparedCurve,
  survivalAt,
  toDays,
} from '../lib/km';
import { asLanguage, formatMonths } from '../lib/stats-format';
import type { AnalyticsParams } from '../use-analytics-params';
import { AtRiskTable } from './at-risk-table';
import { CurveData } from './curve-data';
import { LogRankSummary } from './log-rank-summary';
import { SeriesSwatch, SurvivalChart } from './survival-chart';
import { SurvivalDownloads } from './survival-downloads';
import { type SurvivalGroup, survivalGroups } from './survival-groups';
import { SurvivalGroupsTable } from './survival-groups-table';

interface PanelProps {
  params: AnalyticsParams;
  update(changes: Record<string, string | null>): void;
}

/** Months at which the chart's summary reads each curve. */
const SUMMARY_MONTHS = [12, 24, 36];

/**
 * Relapse survival: Kaplan–Meier curves by the chosen grouping with confidence bands and censoring
 * marks, the log-rank test in words, the groups, numbers at risk, the curve values, and downloads.
 */
export function SurvivalPanel({ params, update }: PanelProps) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const query: SurvivalQuery = {
    groupBy: params.groupBy,
    confType: params.confType,
    definition: params.definition,
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.unit ? { unitCode: params.unit } : {}),
  };
  const survival = useSurvival(query);
  const provinces = useProvinceNames(params.asOf, params.groupBy === 'province');
  const texts = {
    all: t('survival.groups.all'),
    noSupport: t('survival.groups.noSupport'),
    unknown: t('survival.groups.unknown'),
    kinh: t('survival.groups.kinh'),
    minority: t('survival.groups.minority'),
    supportKinds: t('survival.supportKinds', { returnObjects: true }),
    areas: { rural: tc('area.rural'), urban: tc('area.urban') },
  };
  const data = survival.data;
  // The answer on screen may be the previous one while the next loads: label it by its own grouping.
  const shownGroupBy = (data?.groupBy ?? params.groupBy) as GroupBy;
  const groups = data
    ? survivalGroups(
        data.groups,
        (key) => groupLabel(shownGroupBy, key, texts, provinces.data),
        // An escape year bounds the follow-up (the route does not give each group's end of follow-up).
        (key) => (shownGroupBy === 'cohort' ? cohortFollowUpLimit(key, data.asOf) : null),
      )
    : [];
  const drawn = groups.filter((g): g is SurvivalGroup & { curve: PreparedCurve } => g.curve !== null);
  const axis = monthTicks(horizonOf(drawn.map((g) => g.curve)));
  const filePrefix = `relapse-${shownGroupBy}-${data?.asOf ?? 'today'}`;
  const grouping = t(`survival.groupings.${shownGroupBy}`);
  const count = (v: number | null) => (isSmallCount(v) ? t('shared.fewerThan5') : formatNumber(v, language));

  const summary = [
    t('survival.chartSummary', { shown: drawn.length, hidden: groups.length - drawn.length }),
    ...groups.map((g) => {
      if (!g.curve) return `${t('survival.groupHidden', { label: g.label })}.`;
      const at = SUMMARY_MONTHS.flatMap((m) => {
        const s = g.curve ? survivalAt(g.curve, toDays(m)) : null;
        return s === null ? [] : [t('survival.groupAt', { months: m, value: formatPercent(s, language) })];
      });
      const median =
        g.published.median === null
          ? t('shared.notReachedInline')
          : t('shared.months', { value: formatMonths(g.published.median, language) });
      return `${t('survival.groupSummary', {
        label: g.label,
        n: count(g.published.n),
        events: count(g.published.events),
        median,
      })}${at.length > 0 ? `; ${at.join('; ')}` : ''}.`;
    }),
  ].join(' ');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('survival.groupBy')}
          value={params.groupBy}
          allowDeselect={false}
          onChange={(v) => update({ groupBy: v === 'none' ? null : v })}
          data={GROUPINGS.map((g) => ({ value: g, label: t(`survival.groupings.${g}`) }))}
        />
        <Select
          label={t('survival.confType')}
          value={params.confType}
          allowDeselect={false}
          onChange={(v) => update({ confType: v === 'log' ? null : v })}
          data={CONF_TYPES.map((c: ConfType) => ({ value: c, label: t(`survival.confTypes.${c}`) }))}
        />
        <Switch
          mt={{ base: 0, sm: 30 }}
          label={t('survival.zeroBased')}
          checked={params.zeroBased}
          onChange={(e) => update({ zero: e.currentTarget.checked ? '1' : null })}
        />
      </SimpleGrid>

      {survival.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {t('shared.loadFailed', { message: problemMessage(survival.error, tc('states.error')) })}
        </Alert>
      )}
      {survival.isPending && <Loader aria-label={tc('states.loading')} />}

      {data && (
        <Stack gap="md" style={{ opacity: survival.isPlaceholderData ? 0.6 : 1 }} aria-busy={survival.isFetching}>
          <Text size="sm" c="dimmed">
            {t('shared.asOfNote', { date: formatDate(data.asOf, language) })}
          </Text>
          {data.leftOut && (
            <Text size="sm" c="dimmed">
              {t('shared.leftOut')}
            </Text>
          )}
          {groups.length === 0 ? (
            <Text>{t('shared.empty')}</Text>
          ) : (
            <>
              <Box component="figure" m={0}>
                {drawn.length > 0 ? (
                  <SurvivalChart
                    series={drawn}
                    maxMonths={axis.maxMonths}
                    monthTicks={axis.ticks}
                    zeroBased={params.zeroBased}
                    title={t('survival.chartTitle', { grouping })}
                    summary={summary}
                  />
                ) : (
                  <Alert color="gray">{t('survival.noCurves')}</Alert>
                )}
                <Box component="figcaption" mt="xs">
                  <SurvivalLegend groups={groups} />
                </Box>
              </Box>
              <LogRankSummary test={data.logRank} groups={groups.length} />
              <SurvivalGroupsTable groups={groups} filePrefix={filePrefix} />
              {drawn.length > 0 && <AtRiskTable groups={groups} months={axis.ticks} filePrefix={filePrefix} />}
              <CurveData groups={groups} filePrefix={filePrefix} />
            </>
          )}
          <SurvivalDownloads query={query} asOf={data.asOf} />
        </Stack>
      )}
    </Stack>
  );
}

/** Which colour is which group, withheld groups included and marked; then how to read the marks. */
function SurvivalLegend({ groups }: { groups: readonly SurvivalGroup[] }) {
  const { t } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const openTail = groups.some((g) => g.curve && g.curve.maxTime === null && g.curve.remaining > 0);
  const drawn = groups.filter((g) => g.curve !== null);
  const hidden = groups.filter((g) => g.curve === null);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('survival.legend')}
      </Text>
      <Box
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 4 }}
      >
        {drawn.map((g) => (
          <Group component="li" key={g.key} gap={6} wrap="nowrap">
            <SeriesSwatch colour={g.colour} dash={g.dash} />
            <Text size="sm" span>
              {g.label}
            </Text>
          </Group>
        ))}
      </Box>
      {hidden.length > 0 && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <SeriesSwatch colour={hidden[0]?.colour ?? '#868e96'} muted />
          <Text size="sm">
            {tc('states.suppressed')}: {hidden.map((g) => g.label).join('; ')}
          </Text>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('survival.legendBand')} {t('survival.legendTicks')} {openTail && t('survival.legendOpenTail')}
      </Text>
    </Stack>
  );
}
