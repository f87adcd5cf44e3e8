import { type ClassifyInput, classifyHousehold, type StandardsData } from '@benvung/domain';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Language } from '../../../lib/format';

/**
 * The classification the domain's own classifier gives for what is typed, before anything is saved:
 * the same function the server decides with, on the rules in force on the review date.
 */
export function ReviewPreview({ input, data }: { input: ClassifyInput | undefined; data: StandardsData | undefined }) {
  const { t, i18n } = useTranslation('reviews');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  if (!input || !data) {
    return (
      <Alert color="gray" title={t('preview')}>
        {t('previewNeedsIncome')}
      </Alert>
    );
  }
  let result: ReturnType<typeof classifyHousehold>;
  try {
    result = classifyHousehold(input, data);
  } catch (error) {
    return (
      <Alert color="orange" title={t('preview')} aria-live="polite">
        {error instanceof Error ? error.message : String(error)}
      </Alert>
    );
  }
  const color = result.classification === 'poor' ? 'red' : result.classification === 'near_poor' ? 'orange' : 'teal';
  return (
    <Alert color={color} title={`${t('preview')}: ${tc(`classification.${result.classification}`)}`} aria-live="polite">
      <Text size="sm">{t('previewHint')}</Text>
      <List size="sm" mt="xs">
        <List.Item>
          {result.standardId} · {t('incomeLine', { line: formatMoney(result.incomeLineVnd, language) })}
        </List.Item>
        <List.Item>{t('deprivationCount', { count: result.deprivationCount })}</List.Item>
        {result.unverified.length > 0 && (
          <List.Item>{t('unverified', { parts: result.unverified.join(', ') })}</List.Item>
        )}
      </List>
    </Alert>
  );
}
