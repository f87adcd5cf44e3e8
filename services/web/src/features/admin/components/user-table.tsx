import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, type Language } from '../../../lib/format';
import type { UserAccount } from '../api/list-users';

export type UserAction = 'edit' | 'toggle' | 'reset';

function UserState({ user }: { user: UserAccount }) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="gray">{t('users.states.disabled')}</Badge>
      ) : (
        <Badge color="teal" variant="light">
          {t('users.states.active')}
        </Badge>
      )}
      {user.lockedUntil && (
        <Badge color="orange" variant="light">
          {t('users.states.locked', { until: formatDateTime(user.lockedUntil, language) })}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="blue" variant="light">
          {t('users.states.mustChange')}
        </Badge>
      )}
    </Group>
  );
}

/** Accounts with their role, units and state, and what an administrator may do to each. */
export function UserTable({
  users,
  onAction,
}: {
  users: readonly UserAccount[];
  onAction(action: UserAction, user: UserAccount): void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('users.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.username')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.displayName')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.units')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.updated')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {u.username}
                </Text>
              </Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{tc(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {u.units.length > 0 ? u.units.join(', ') : u.role === 'admin' ? '—' : t('users.noUnits')}
                </Text>
              </Table.Td>
              <Table.Td>
                <UserState user={u} />
              </Table.Td>
              <Table.Td>{formatDate(u.updatedAt, language)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('users.editOf', { username: u.username })}
                    onClick={() => onAction('edit', u)}
                  >
                    {t('users.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={u.disabled ? 'teal' : 'red'}
                    aria-label={t(u.disabled ? 'users.enableOf' : 'users.disableOf', { username: u.username })}
                    onClick={() => onAction('toggle', u)}
                  >
                    {t(u.disabled ? 'users.enable' : 'users.disable')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="orange"
                    aria-label={t('users.resetOf', { username: u.username })}
                    onClick={() => onAction('reset', u)}
                  >
                    {t('users.reset')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
