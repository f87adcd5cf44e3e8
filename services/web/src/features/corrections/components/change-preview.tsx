import { Alert, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, type Language } from '../../../lib/format';
import type { FieldSpec } from '../amendment';

export interface ChangedField {
  spec: FieldSpec;
  before: unknown;
  after: unknown;
}

interface ChangePreviewProps {
  action: 'void' | 'amend';
  /** The event in plain words, and its date. */
  sentence: string;
  date: string | undefined;
  changes: readonly ChangedField[];
  labelOf(key: string): string;
  textOf(spec: FieldSpec, value: unknown): string;
}

/** What saving does, before it is saved: the event that stops counting, or each field before → after. */
export function ChangePreview({ action, sentence, date, changes, labelOf, textOf }: ChangePreviewProps) {
  const { t, i18n } = useTranslation('corrections');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  if (action === 'void') {
    return (
      <Alert color="red" title={t('preview')} aria-live="polite">
        <Text size="sm">{t('voidPreview')}</Text>
        <Text fw={600} td="line-through">
          {formatDate(date, language)} · {sentence}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="blue" title={t('preview')} aria-live="polite">
      {changes.length === 0 ? (
        <Text size="sm">{t('noChange')}</Text>
      ) : (
        <Stack gap="xs">
          {changes.map((c) => (
            <div key={c.spec.path}>
              <Text size="sm" fw={600}>
                {labelOf(c.spec.key)}
              </Text>
              <Text size="sm">
                <VisuallyHidden>{t('before')}: </VisuallyHidden>
                <Text span td="line-through" c="dimmed" inherit>
                  {textOf(c.spec, c.before)}
                </Text>
                {' → '}
                <VisuallyHidden>{t('after')}: </VisuallyHidden>
                <Text span fw={600} inherit>
                  {textOf(c.spec, c.after)}
                </Text>
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
