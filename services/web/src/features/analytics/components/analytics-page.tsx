import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TABS, type Tab, useAnalyticsParams } from '../use-analytics-params';
import { AnalyticsFilters } from './analytics-filters';
import { CohortsPanel } from './cohorts-panel';
import { FlowsPanel } from './flows-panel';
import { SurvivalPanel } from './survival-panel';
import { TransitionsPanel } from './transitions-panel';

/**
 * The analyst's screen: the shared scope, then one tab per analysis. Only the open tab is mounted, so
 * only its figures are fetched; each answer stays in the query cache under its parameters.
 */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const [params, update] = useAnalyticsParams();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('title')}</Title>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      <AnalyticsFilters params={params} update={update} />
      <Tabs
        value={params.tab}
        onChange={(tab) => update({ tab: tab === 'survival' ? null : tab })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={t('tabs.label')} style={{ flexWrap: 'wrap' }}>
          {TABS.map((tab: Tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="survival" pt="md">
          <SurvivalPanel params={params} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="transitions" pt="md">
          <TransitionsPanel params={params} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="flows" pt="md">
          <FlowsPanel params={params} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="cohorts" pt="md">
          <CohortsPanel params={params} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
