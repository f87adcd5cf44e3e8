import { Alert, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';
import type { ListImport } from '../api/get-import';

const COLORS = { running: 'blue', done: 'teal', failed: 'red' } as const;

/** How far an import is: rows checked of rows read (striped while the file is still being read). */
export function ImportProgress({ item }: { item: ListImport }) {
  const { t, i18n } = useTranslation('imports');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const total = item.rowsTotal;
  const value = item.status !== 'running' ? 100 : total ? Math.round((item.rowsDone / total) * 100) : 100;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>{t('progress.title', { file: item.fileName })}</Text>
        <Badge color={COLORS[item.status]}>{t(`progress.${item.status}`)}</Badge>
      </Group>
      {/* The section is the progressbar: its name and value text go on it, not on the track. */}
      <Progress.Root size="lg">
        <Progress.Section
          value={value}
          color={COLORS[item.status]}
          striped={item.status === 'running'}
          animated={item.status === 'running'}
          aria-label={t('progress.label')}
          aria-valuetext={
            total
              ? t('progress.rows', {
                  done: formatNumber(item.rowsDone, language),
                  total: formatNumber(total, language),
                })
              : t('progress.reading')
          }
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" aria-live="polite">
        {total
          ? t('progress.rows', { done: formatNumber(item.rowsDone, language), total: formatNumber(total, language) })
          : item.status === 'running'
            ? t('progress.reading')
            : null}
      </Text>
      {item.status === 'failed' && item.error && (
        <Alert color="red" role="alert">
          {t('progress.error', { error: item.error })}
        </Alert>
      )}
    </Stack>
  );
}
