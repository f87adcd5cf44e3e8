import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { communeLabel, useMyCommunes } from '../../units';
import { MoveForm } from './move-form';

/** The household moves to another commune (or village) of the user's units. */
export function MoveEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('moves');
  const { t: tc } = useTranslation();
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  const communes = useMyCommunes();
  const here = communes.data?.find((c) => c.code === household.unitCode);
  return (
    <Stack maw={640}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      <Text c="dimmed">
        {t('current', {
          unit: here ? communeLabel(here) : household.unitCode,
          village: household.village ? t('currentVillage', { village: household.village }) : '',
        })}
      </Text>
      {communes.isPending ? (
        <Loader aria-label={tc('states.loading')} />
      ) : communes.isError || communes.data.length === 0 ? (
        <Alert color="orange">{communes.isError ? tc('states.error') : t('noCommunes')}</Alert>
      ) : (
        <Paper withBorder p="md">
          <MoveForm
            householdId={household.householdId}
            communes={communes.data}
            error={error}
            onCancel={onDone}
            onSubmit={async (body) => {
              const done = await submit({
                kind: 'move',
                key,
                path: `/v1/households/${household.householdId}/moves`,
                body,
                ifMatch: household.version,
              });
              if (done) onDone();
              return done;
            }}
          />
        </Paper>
      )}
    </Stack>
  );
}
