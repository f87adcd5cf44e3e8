import { Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { NoteForm } from './note-form';

/** A case worker's note on the household (a visit, a call, what was seen), kept offline if need be. */
export function NoteEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('notes');
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Stack maw={640}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Paper withBorder p="md">
        <NoteForm
          householdId={household.householdId}
          error={error}
          onCancel={onDone}
          onSubmit={async (body) => {
            const done = await submit({
              kind: 'note',
              key,
              path: `/v1/households/${household.householdId}/notes`,
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
