import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { Survival } from '../api/get-survival';
import { asLanguage, formatFixed, formatPValue } from '../lib/stats-format';

/** The log-rank test in words: the statistic, its degrees of freedom, p, and what it means at 5 %. */
export function LogRankSummary({ test, groups }: { test: Survival['logRank']; groups: number }) {
  const { t, i18n } = useTranslation('analytics');
  const language = asLanguage(i18n.language);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="log-rank-title">
      <Title order={3} size="h4" id="log-rank-title" mb={4}>
        {t('survival.logRank.title')}
      </Title>
      {test === null ? (
        <Text size="sm">{t('survival.logRank.none')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('survival.logRank.result', {
              groups: formatNumber(groups, language),
              chisq: formatFixed(test.chisq, language, 2),
              df: formatNumber(test.df, language),
              p: test.p === null ? '—' : formatPValue(test.p, language),
            })}{' '}
            {test.p === null
              ? t('survival.logRank.noP')
              : test.p < 0.05
                ? t('survival.logRank.significant')
                : t('survival.logRank.notSignificant')}
          </Text>
          {test.suppressedGroups.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('survival.logRank.includesSuppressed', { count: test.suppressedGroups.length })}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
