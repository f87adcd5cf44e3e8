import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { ReadinessPanel } from './readiness-panel';
import { RuleVersionsTable } from './rule-versions-table';
import { RulesInForce } from './rules-in-force';
import { UnitListsTable } from './unit-lists-table';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A read-only overview: health and projection lags, rule versions, rules in force, unit lists. */
export function ConfigurationScreen() {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Stack>
      <Title order={2}>{t('configuration.title')}</Title>
      <Text size="sm">{t('configuration.intro')}</Text>
      <Section title={t('configuration.readiness')}>
        <ReadinessPanel />
      </Section>
      <Section title={t('configuration.inForce', { date: formatDate(todayInVietnam(), language) })}>
        <RulesInForce />
      </Section>
      <Section title={t('configuration.ruleVersions')}>
        <RuleVersionsTable />
      </Section>
      <Section title={t('configuration.unitLists')}>
        <UnitListsTable />
      </Section>
    </Stack>
  );
}
