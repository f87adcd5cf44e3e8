import { Alert, Loader, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type Language } from '../../../lib/format';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { useCurrentFlag } from '../api/use-current-flag';
import { FlagForm } from './flag-form';

/** A supervisor sets the unable-to-escape flag with its statutory basis and a reason, or clears it. */
export function FlagEntry({ household, onDone }: HouseholdEntryProps) {
  const { t, i18n } = useTranslation('flags');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const { submit, error } = useSubmitEntry(household.householdId);
  const [key] = useState(() => crypto.randomUUID());
  const { flag, isPending } = useCurrentFlag(household.householdId);
  const listed = household.classification === 'poor' || household.classification === 'near_poor';
  return (
    <Stack maw={640}>
      <Title order={2}>
        {t('title')}: {household.headName}
      </Title>
      {isPending ? (
        <Loader aria-label={tc('states.loading')} />
      ) : (
        <>
          <Alert color={flag ? 'orange' : 'gray'} role="status">
            {flag
              ? t('current', { since: formatDate(flag.since, language), basis: t(`bases.${flag.basis}`) })
              : t('notFlagged')}
          </Alert>
          {!flag && !listed && (
            <Alert color="yellow">
              {t('listedOnly', { classification: tc(`classification.${household.classification}`) })}
            </Alert>
          )}
          <Paper withBorder p="md">
            <FlagForm
              householdId={household.householdId}
              flagged={Boolean(flag)}
              error={error}
              onCancel={onDone}
              onSubmit={async (body) => {
                const done = await submit({
                  kind: 'flag',
                  key,
                  path: `/v1/households/${household.householdId}/flags`,
                  body,
                  ifMatch: household.version,
                });
                if (done) onDone();
                return done;
              }}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
