import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import type { UserAccount } from '../api/list-users';
import { useResetPassword } from '../api/reset-password';
import { useUpdateUser } from '../api/update-user';
import { ConfirmDialog } from './confirm-dialog';
import type { IssuedPassword } from './one-time-password';

export interface PendingConfirmation {
  action: 'toggle' | 'reset';
  user: UserAccount;
}

interface UserConfirmationsProps {
  pending: PendingConfirmation | undefined;
  onClose(): void;
  onIssued(issued: IssuedPassword): void;
}

/** Disabling, enabling or resetting the password of an account, each asked first. */
export function UserConfirmations({ pending, onClose, onIssued }: UserConfirmationsProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const close = () => {
    update.reset();
    reset.reset();
    onClose();
  };
  const user = pending?.user;
  const names = { name: user?.displayName ?? '', username: user?.username ?? '' };
  const enabling = user?.disabled === true;
  const mutation = pending?.action === 'reset' ? reset : update;
  const confirm = async () => {
    if (!pending || !user) return;
    try {
      if (pending.action === 'reset') {
        const answer = await reset.mutateAsync(user.id);
        close();
        onIssued({ username: user.username, displayName: user.displayName, password: answer.oneTimePassword });
      } else {
        await update.mutateAsync({ id: user.id, changes: { disabled: !enabling } });
        notifications.show({
          color: 'teal',
          message: t(enabling ? 'confirm.enabled' : 'confirm.disabled', { username: user.username }),
        });
        close();
      }
    } catch {
      // Shown in the dialog (mutation.error).
    }
  };
  const texts =
    pending?.action === 'reset'
      ? {
          title: t('confirm.resetTitle'),
          text: t('confirm.resetText', names),
          label: t('users.reset'),
          color: 'orange',
        }
      : enabling
        ? {
            title: t('confirm.enableTitle'),
            text: t('confirm.enableText', names),
            label: t('users.enable'),
            color: 'teal',
          }
        : {
            title: t('confirm.disableTitle'),
            text: t('confirm.disableText', names),
            label: t('users.disable'),
            color: 'red',
          };
  return (
    <ConfirmDialog
      opened={pending !== undefined}
      title={texts.title}
      text={texts.text}
      confirmLabel={texts.label}
      color={texts.color}
      busy={mutation.isPending}
      error={mutation.isError ? problemMessage(mutation.error, tc('states.error')) : undefined}
      onConfirm={() => void confirm()}
      onCancel={close}
    />
  );
}
