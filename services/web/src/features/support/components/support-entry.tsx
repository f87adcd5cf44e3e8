import { Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { SupportForm } from './support-form';

/** A support action for the household (loans and follow-ups, training, jobs, …), kept offline if need be. */
export function SupportEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('support');
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Stack maw={760}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Paper withBorder p="md">
        <SupportForm
          householdId={household.householdId}
          error={error}
          onCancel={onDone}
          onSubmit={async (input) => {
            const done = await submit({
              kind: 'support',
              key,
              path: `/v1/households/${household.householdId}/support-actions`,
              body: input,
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
