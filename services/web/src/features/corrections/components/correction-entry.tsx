import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { useCorrectableEvents } from '../api/use-correctable-events';
import { CorrectionForm } from './correction-form';

/** A supervisor voids or amends an event of the household's history, with a reason. */
export function CorrectionEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('corrections');
  const { t: tc } = useTranslation();
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  const correctable = useCorrectableEvents(household.householdId);
  let content: React.ReactNode;
  if (correctable.isPending) content = <Loader aria-label={tc('states.loading')} />;
  else if (correctable.isError || !correctable.events) content = <Alert color="red">{tc('states.error')}</Alert>;
  else if (correctable.events.length === 0) content = <Alert color="gray">{t('none')}</Alert>;
  else {
    content = (
      <CorrectionForm
        householdId={household.householdId}
        events={correctable.events}
        error={error}
        onCancel={onDone}
        onSubmit={async (body) => {
          const done = await submit({
            kind: 'correction',
            key,
            path: `/v1/households/${household.householdId}/corrections`,
            body,
            ifMatch: household.version,
          });
          if (done) onDone();
          return done;
        }}
      />
    );
  }
  return (
    <Stack maw={760}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Text c="dimmed">{t('hint')}</Text>
      {correctable.closed && <Alert color="orange">{t('closedOnly')}</Alert>}
      {correctable.shown !== undefined && <Alert color="yellow">{t('partial', { count: correctable.shown })}</Alert>}
      <Paper withBorder p="md">
        {content}
      </Paper>
    </Stack>
  );
}
