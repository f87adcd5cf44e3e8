import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/layout/language-switch';
import { useAuth } from '../../lib/auth';
import { problemMessage } from '../../lib/problem';

interface SignInValues {
  username: string;
  password: string;
}

export function SignInRoute() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useForm<SignInValues>({ defaultValues: { username: '', password: '' } });
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (user) return <Navigate to={from} replace />;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signIn(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (error) {
      form.setError('root', { message: problemMessage(error, t('signIn.failed')) });
    }
  });
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={400}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h3">
                {t('signIn.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed" size="sm">
              {tc('appName')} — {t('signIn.intro')}
            </Text>
            {form.formState.errors.root && (
              <Alert color="red" role="alert" title={t('signIn.failed')}>
                {form.formState.errors.root.message}
              </Alert>
            )}
            <TextInput
              label={t('signIn.username')}
              autoComplete="username"
              autoCapitalize="none"
              required
              {...form.register('username', { required: true })}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.register('password', { required: true })}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
