import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Component() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('states.notFound')}>
      <Anchor component={Link} to="/">
        {t('actions.back')}
      </Anchor>
    </Alert>
  );
}
