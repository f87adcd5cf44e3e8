import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOnline, useOutbox } from '../../lib/offline/use-outbox';

/** Offline, and how many entries wait on this device: always visible, never a surprise. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const waiting = useOutbox().filter((e) => e.status === 'pending').length;
  if (online && waiting === 0) return null;
  return (
    <Badge
      color={online ? 'yellow' : 'red'}
      variant="filled"
      role="status"
      title={online ? undefined : t('states.offline')}
      styles={{ root: { textTransform: 'none' } }}
    >
      {online ? t('states.pending', { count: waiting }) : `${t('offline')}${waiting ? ` · ${waiting}` : ''}`}
    </Badge>
  );
}
