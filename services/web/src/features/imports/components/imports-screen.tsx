import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ImportForm } from './import-form';
import { ImportList } from './import-list';
import { ImportResult } from './import-result';

/**
 * Importing a list: upload, follow it (the import's id is in the address, so a reload keeps
 * following), its problem report, and the earlier imports.
 */
export function ImportsScreen() {
  const { t } = useTranslation('imports');
  const [params, setParams] = useSearchParams();
  const selected = params.get('import') ?? undefined;
  const open = (id: string) => setParams({ import: id });
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Text size="sm">{t('intro')}</Text>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
        <Title order={3} size="h4" mb="sm">
          {t('form.title')}
        </Title>
        <ImportForm
          onStarted={(id) => {
            notifications.show({ color: 'blue', message: t('form.started') });
            open(id);
          }}
        />
      </Paper>
      {selected && <ImportResult key={selected} importId={selected} />}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
        <Title order={3} size="h4" mb="sm">
          {t('list.title')}
        </Title>
        <ImportList selected={selected} onOpen={open} />
      </Paper>
    </Stack>
  );
}
