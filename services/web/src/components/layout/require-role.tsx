import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type Role, useUser } from '../../lib/auth';

/** The screens of some roles only; others see why instead of an empty page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useUser();
  const { t } = useTranslation();
  if (!roles.includes(user.role)) {
    return (
      <Alert color="orange" title={t('states.error')} role="alert">
        {t('notAllowed', { role: t(`roles.${user.role}`) })}
      </Alert>
    );
  }
  return <Outlet />;
}
