import { Alert, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';
import type { ListImport } from '../api/get-import';

function Count({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </div>
  );
}

/** The counts of a finished import, and why nothing was written when nothing was. */
export function ImportSummary({ summary }: { summary: NonNullable<ListImport['summary']> }) {
  const { t, i18n } = useTranslation('imports');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const n = (v: number) => formatNumber(v, language);
  const reason = summary.notWritten as 'dry_run' | 'too_many_errors' | 'file_problems' | undefined;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Count label={t('summary.rows')}>{n(summary.rows)}</Count>
        <Count label={t('summary.valid')}>{n(summary.valid)}</Count>
        <Count label={t('summary.imported')}>{n(summary.imported)}</Count>
        <Count label={t('summary.alreadyImported')}>{n(summary.alreadyImported)}</Count>
        <Count label={t('summary.rowsWithProblems')}>{n(summary.rowsWithProblems)}</Count>
      </SimpleGrid>
      {reason && (
        <Alert color={reason === 'dry_run' ? 'blue' : 'orange'} role="status">
          {t(`summary.notWritten.${reason}`, { defaultValue: reason })}
        </Alert>
      )}
    </>
  );
}
