import { Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { ReviewForm } from './review-form';

/** A review of the household, decided on the version the user sees (If-Match), kept offline if need be. */
export function ReviewEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('reviews');
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Stack maw={760}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Paper withBorder p="md">
        <ReviewForm
          householdId={household.householdId}
          area={household.area}
          error={error}
          onSubmit={async (input) => {
            const done = await submit({
              kind: 'review',
              key,
              path: `/v1/households/${household.householdId}/assessments`,
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
