import { Alert, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useErasePersonalData } from '../api/erase-personal-data';
import { ErasureForm } from './erasure-form';

/** An admin (any household) or a supervisor (their units) erases the household's personal data. */
export function ErasureEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('erasure');
  const { t: tc } = useTranslation();
  const erase = useErasePersonalData();
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | undefined>();
  const named = household.headName ?? household.householdCode ?? household.householdId;
  return (
    <Stack maw={640}>
      <Title order={2}>
        {t('title')}: {named}
      </Title>
      <Alert color="red">{t('hint')}</Alert>
      <Paper withBorder p="md">
        <ErasureForm
          headName={named}
          error={error}
          onCancel={onDone}
          onSubmit={async (body) => {
            setError(undefined);
            try {
              const done = await erase.mutateAsync({
                householdId: household.householdId,
                body,
                version: household.version,
                key,
              });
              notifications.show({ color: 'teal', message: t('done', { count: done.erasedEvents }) });
              onDone();
              return true;
            } catch (err) {
              setError(problemMessage(err, tc('states.error')));
              return false;
            }
          }}
        />
      </Paper>
    </Stack>
  );
}
