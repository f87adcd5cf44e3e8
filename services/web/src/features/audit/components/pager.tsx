import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  /** Where the reader is, in words ("Trang 2 / 5"). */
  label: string;
  /** Each move is absent where it leads nowhere (its button is then disabled). */
  onFirst?: (() => void) | undefined;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  onLast?: (() => void) | undefined;
  /** First and last page buttons: both when the number of pages is known, first only when paging by cursor. */
  edges?: 'both' | 'first' | 'none';
}

/** Page moves with visible names; wraps onto two lines on a phone. */
export function Pager({ label, onFirst, onPrevious, onNext, onLast, edges = 'none' }: PagerProps) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('audit');
  const move = (text: string, onClick: (() => void) | undefined) => (
    <Button size="compact-sm" variant="default" disabled={!onClick} onClick={onClick}>
      {text}
    </Button>
  );
  return (
    <Group component="nav" aria-label={ta('pager.navigation')} gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Group gap="xs" wrap="wrap">
        {edges !== 'none' && move(t('actions.first'), onFirst)}
        {move(t('actions.previous'), onPrevious)}
        {move(t('actions.next'), onNext)}
        {edges === 'both' && move(t('actions.last'), onLast)}
      </Group>
    </Group>
  );
}
