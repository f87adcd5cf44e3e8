import { Loader, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRegisterHousehold } from '../../features/households/api/register-household';
import { RegisterForm } from '../../features/households/components/register-form';
import { useMyCommunes } from '../../features/units';
import { problemMessage } from '../../lib/problem';

export function Component() {
  const { t } = useTranslation('households');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const communes = useMyCommunes();
  const register = useRegisterHousehold();
  // One key per form opening: a resend after a lost answer registers the household once.
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Stack maw={560}>
      <Title order={2}>{t('register.title')}</Title>
      <Paper withBorder p="md">
        {communes.data ? (
          <RegisterForm
            communes={communes.data}
            error={register.error ? problemMessage(register.error, tc('states.error')) : undefined}
            onSubmit={async (body) => {
              try {
                const answer = await register.mutateAsync({ body, key });
                notifications.show({ color: 'teal', message: t('register.registered') });
                navigate(`/households/${answer.householdId}`);
                return true;
              } catch {
                return false; // shown above the form
              }
            }}
          />
        ) : (
          <Loader aria-label={tc('states.loading')} />
        )}
      </Paper>
    </Stack>
  );
}
