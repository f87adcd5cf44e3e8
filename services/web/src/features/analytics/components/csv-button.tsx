import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CsvCell, toCsv } from '../lib/csv';
import { saveText } from '../lib/save-file';

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

/** Downloads the table on screen as a CSV built here (UTF-8 with BOM, for Excel). */
export function CsvButton({ name, filename, build }: { name: string; filename: string; build: () => CsvTable }) {
  const { t } = useTranslation('analytics');
  return (
    <Button
      variant="default"
      size="xs"
      aria-label={t('shared.csvOf', { name })}
      onClick={() => {
        const table = build();
        saveText(toCsv(table.header, table.rows), filename);
      }}
    >
      {t('shared.csv')}
    </Button>
  );
}
