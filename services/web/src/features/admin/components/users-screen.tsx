import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { type UserAccount, useUsers } from '../api/list-users';
import { CreateUserDialog } from './create-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { type IssuedPassword, OneTimePassword } from './one-time-password';
import { Pager } from './pager';
import { type PendingConfirmation, UserConfirmations } from './user-confirmations';
import { UserTable } from './user-table';

const PAGE_SIZE = 50;

/** The accounts, a page at a time, and creating, changing, disabling and resetting them. */
export function UsersScreen() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [afters, setAfters] = useState<string[]>([]);
  const users = useUsers(afters.at(-1), PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount>();
  const [pending, setPending] = useState<PendingConfirmation>();
  const [issued, setIssued] = useState<IssuedPassword>();
  const next = users.data?.nextAfter;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
      </Group>
      {users.isPending ? (
        <Loader aria-label={tc('states.loading')} />
      ) : users.isError ? (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {problemMessage(users.error, tc('states.error'))}
        </Alert>
      ) : users.data.users.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <UserTable
          users={users.data.users}
          onAction={(action, user) => (action === 'edit' ? setEditing(user) : setPending({ action, user }))}
        />
      )}
      {(afters.length > 0 || next) && (
        <Pager
          label={t('users.page', { page: afters.length + 1 })}
          onFirst={afters.length > 0 ? () => setAfters([]) : undefined}
          onPrevious={afters.length > 0 ? () => setAfters((a) => a.slice(0, -1)) : undefined}
          onNext={next ? () => setAfters((a) => [...a, next]) : undefined}
        />
      )}
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} onIssued={setIssued} />
      <EditUserDialog user={editing} onClose={() => setEditing(undefined)} />
      <UserConfirmations pending={pending} onClose={() => setPending(undefined)} onIssued={setIssued} />
      <OneTimePassword issued={issued} onClose={() => setIssued(undefined)} />
    </Stack>
  );
}
