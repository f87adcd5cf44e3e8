import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../lib/auth';
import { problemMessage } from '../../../lib/problem';
import type { UserAccount } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { UserForm } from './user-form';

/** An account's name, role and units changed (only what changed is sent). */
export function EditUserDialog({ user, onClose }: { user: UserAccount | undefined; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const update = useUpdateUser();
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      opened={user !== undefined}
      onClose={close}
      title={user ? t('form.editTitle', { username: user.username }) : ''}
      size="lg"
    >
      {user && (
        <UserForm
          key={user.id}
          mode="edit"
          defaultValues={{
            username: user.username,
            displayName: user.displayName,
            role: user.role as Role,
            units: [...user.units],
          }}
          error={update.isError ? problemMessage(update.error, tc('states.error')) : undefined}
          onCancel={close}
          onSubmit={async (values) => {
            const sameUnits =
              values.units.length === user.units.length && values.units.every((u) => user.units.includes(u));
            const changes = {
              ...(values.displayName.trim() !== user.displayName ? { displayName: values.displayName.trim() } : {}),
              ...(values.role !== user.role ? { role: values.role } : {}),
              ...(sameUnits ? {} : { units: values.units }),
            };
            try {
              if (Object.keys(changes).length > 0) await update.mutateAsync({ id: user.id, changes });
              notifications.show({ color: 'teal', message: t('form.saved', { username: user.username }) });
              close();
            } catch {
              // The error is shown in the form (update.error).
            }
          }}
        />
      )}
    </Modal>
  );
}
