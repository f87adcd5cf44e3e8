import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  /** Where the reader is, in words ("Trang 2"). */
  label: string;
  /** Each move is absent where it leads nowhere (its button is then disabled). */
  onFirst?: (() => void) | undefined;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
}

/** Pages followed by the server's cursors: first, previous, next, with visible names. */
export function Pager({ label, onFirst, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('admin');
  const move = (text: string, onClick: (() => void) | undefined) => (
    <Button size="compact-sm" variant="default" disabled={!onClick} onClick={onClick}>
      {text}
    </Button>
  );
  return (
    <Group component="nav" aria-label={ta('users.navigation')} gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Group gap="xs" wrap="wrap">
        {move(t('actions.first'), onFirst)}
        {move(t('actions.previous'), onPrevious)}
        {move(t('actions.next'), onNext)}
      </Group>
    </Group>
  );
}
