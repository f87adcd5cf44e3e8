import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * What a screen shows when it fails to load or throws: the reason in the user's language and a way
 * on. A screen's code may be gone after an update (its file names change): reloading fetches the new.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <Center p="md" mih="60vh">
      <Alert color="red" role="alert" title={t('states.error')} maw={520}>
        <Stack gap="sm">
          <Text size="sm">{t('states.routeError')}</Text>
          {error instanceof Error && (
            <Text size="xs" c="dimmed">
              {error.message}
            </Text>
          )}
          <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
        </Stack>
      </Alert>
    </Center>
  );
}
