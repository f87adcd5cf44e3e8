import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadUnitListForm } from './load-unit-list-form';
import { UnitListsTable } from './unit-lists-table';

/** The unit lists loaded, and loading a newer one from a date. */
export function UnitListsScreen() {
  const { t } = useTranslation('admin');
  return (
    <Stack>
      <Title order={2}>{t('unitLists.title')}</Title>
      <Text size="sm">{t('unitLists.intro')}</Text>
      <Paper withBorder p="md" component="section">
        <Title order={3} size="h4" mb="sm">
          {t('unitLists.loaded')}
        </Title>
        <UnitListsTable />
      </Paper>
      <Paper withBorder p="md" component="section">
        <Title order={3} size="h4" mb="sm">
          {t('load.title')}
        </Title>
        <LoadUnitListForm />
      </Paper>
    </Stack>
  );
}
