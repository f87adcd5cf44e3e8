import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { useCreateUser } from '../api/create-user';
import type { IssuedPassword } from './one-time-password';
import { UserForm } from './user-form';

interface CreateUserDialogProps {
  opened: boolean;
  onClose(): void;
  /** The account's one-time password, for the screen to show once. */
  onIssued(issued: IssuedPassword): void;
}

/** A new account with a one-time password the server generates. */
export function CreateUserDialog({ opened, onClose, onIssued }: CreateUserDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const create = useCreateUser();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('form.createTitle')} size="lg">
      <UserForm
        mode="create"
        defaultValues={{ username: '', displayName: '', role: 'case_worker', units: [] }}
        error={create.isError ? problemMessage(create.error, tc('states.error')) : undefined}
        onCancel={close}
        onSubmit={async (values) => {
          try {
            const answer = await create.mutateAsync(values);
            notifications.show({ color: 'teal', message: t('form.created', { username: answer.user.username }) });
            close();
            if (answer.oneTimePassword) {
              onIssued({
                username: answer.user.username,
                displayName: answer.user.displayName,
                password: answer.oneTimePassword,
              });
            }
          } catch {
            // The error is shown in the form (create.error).
          }
        }}
      />
    </Modal>
  );
}
