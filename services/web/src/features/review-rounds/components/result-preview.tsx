import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Language } from '../../../lib/format';
import type { Preview } from '../result';

const COLORS = { poor: 'red', near_poor: 'orange', non_poor: 'teal' } as const;

/** The classification a result would get, computed in the page before anything is sent. */
export function ResultPreview({ preview, listYear }: { preview: Preview; listYear: number }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  if (preview.state === 'incomplete') {
    return (
      <Alert color="gray" title={t('result.preview')}>
        {t('result.previewNeeds')}
      </Alert>
    );
  }
  if (preview.state === 'refused') {
    return (
      <Alert color="orange" title={t('result.preview')} aria-live="polite">
        {preview.message}
      </Alert>
    );
  }
  const r = preview.result;
  return (
    <Alert
      color={COLORS[r.classification]}
      title={`${t('result.preview')}: ${tc(`classification.${r.classification}`)}`}
      aria-live="polite"
    >
      <Text size="sm">{t('result.previewHint', { listYear })}</Text>
      <List size="sm" mt="xs">
        <List.Item>
          {r.standardId} · {t('result.incomeLine', { line: formatMoney(r.incomeLineVnd, language) })}
        </List.Item>
        <List.Item>{t('result.deprivationCount', { count: r.deprivationCount })}</List.Item>
      </List>
    </Alert>
  );
}
