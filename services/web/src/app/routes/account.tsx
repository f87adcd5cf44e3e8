import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { problemMessage } from '../../lib/problem';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in user: who they are, and changing the password (required after a one-time one). */
export function Component() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<PasswordValues>({ defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      unwrap(await api.POST('/v1/auth/password', { body: { currentPassword, newPassword } }));
      notifications.show({ color: 'teal', message: t('password.changed') });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
      if (user.mustChangePassword) navigate('/', { replace: true });
    } catch (error) {
      form.setError('root', { message: problemMessage(error, tc('states.error')) });
    }
  });
  return (
    <Stack maw={480}>
      <Title order={2}>{t('account.title')}</Title>
      <Text>
        {user.displayName} ({user.username}) · {t('account.role')}: {tc(`roles.${user.role}`)} · {t('account.units')}:{' '}
        {user.units.length ? user.units.join(', ') : t('account.allUnits')}
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={3} size="h4">
              {t('password.title')}
            </Title>
            {user.mustChangePassword && <Alert color="yellow">{t('password.mustChange')}</Alert>}
            {errors.root && (
              <Alert color="red" role="alert">
                {errors.root.message}
              </Alert>
            )}
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              error={errors.currentPassword && tc('required')}
              {...form.register('currentPassword', { required: true })}
            />
            <PasswordInput
              label={t('password.next')}
              autoComplete="new-password"
              required
              error={errors.newPassword && t('password.tooShort')}
              {...form.register('newPassword', { required: true, minLength: 10 })}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              error={errors.confirm && t('password.mismatch')}
              {...form.register('confirm', { validate: (v, all) => v === all.newPassword })}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
