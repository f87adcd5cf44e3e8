import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { ClosureForm } from './closure-form';

/** A supervisor closes the household's case, with a reason and a confirmation. */
export function ClosureEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('closure');
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Stack maw={640}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Alert color="orange">{t('hint')}</Alert>
      <Paper withBorder p="md">
        <ClosureForm
          householdId={household.householdId}
          headName={household.headName ?? household.householdCode ?? ''}
          error={error}
          onCancel={onDone}
          onSubmit={async (body) => {
            const done = await submit({
              kind: 'closure',
              key,
              path: `/v1/households/${household.householdId}/closure`,
              body,
              ifMatch: household.version,
            });
            if (done) onDone();
            return done;
          }}
        />
      </Paper>
    </Stack>
  );
}
