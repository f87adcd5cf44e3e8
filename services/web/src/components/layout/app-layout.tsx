import { Anchor, AppShell, Burger, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { type Role, useAuth } from '../../lib/auth';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

type NavKey =
  | 'households'
  | 'register'
  | 'reviewRounds'
  | 'reports'
  | 'imports'
  | 'accessLog'
  | 'analytics'
  | 'users'
  | 'units'
  | 'configuration';
const NAV: Array<{ key: NavKey; to: string; roles: readonly Role[] }> = [
  { key: 'households', to: '/households', roles: ['case_worker', 'supervisor', 'auditor'] },
  { key: 'register', to: '/households/new', roles: ['case_worker', 'supervisor'] },
  { key: 'reviewRounds', to: '/review-rounds', roles: ['case_worker', 'supervisor', 'auditor'] },
  { key: 'imports', to: '/imports', roles: ['case_worker', 'supervisor'] },
  { key: 'reports', to: '/reports', roles: ['case_worker', 'supervisor', 'auditor', 'analyst'] },
  { key: 'accessLog', to: '/access-log', roles: ['auditor', 'admin'] },
  { key: 'analytics', to: '/analytics', roles: ['analyst'] },
  { key: 'users', to: '/admin/users', roles: ['admin'] },
  { key: 'units', to: '/admin/units', roles: ['admin'] },
  { key: 'configuration', to: '/admin/configuration', roles: ['admin'] },
];

/** The signed-in frame: header (language, connection, user), navigation by role, the screen. */
export function AppLayout() {
  const { user, loading } = useAuth();
  const { t } = useTranslation();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('states.loading')} />
      </Center>
    );
  }
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (user.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  const links = NAV.filter((n) => n.roles.includes(user.role));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Anchor href="#main" className="skip-link">
          {t('skipToContent')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={1} size="h5" lh={1.2} lineClamp={2} maw={{ base: 110, xs: 'none' }}>
              <Anchor component={Link} to="/" c="inherit" underline="never">
                {t('appName')}
              </Anchor>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ConnectionStatus />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        {links.map((n) => (
          <NavLink
            key={n.key}
            component={Link}
            to={n.to}
            label={t(`nav.${n.key}`)}
            // A round's pages keep the rounds entry marked; the other entries are single screens.
            active={
              location.pathname === n.to || (n.key === 'reviewRounds' && location.pathname.startsWith(`${n.to}/`))
            }
            // Filled: white on the darkest shade reads at 5:1 (the light variant stays under 4.5:1).
            variant="filled"
            onClick={close}
          />
        ))}
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {user.displayName} · {t(`roles.${user.role}`)}
          {user.units.length > 0 ? ` · ${user.units.join(', ')}` : ''}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        {/* A screen may wait for its code or its texts (loaded on first use). */}
        <Suspense fallback={<Loader aria-label={t('states.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
