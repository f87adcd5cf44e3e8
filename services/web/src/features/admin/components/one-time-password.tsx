import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface IssuedPassword {
  username: string;
  displayName: string;
  password: string;
}

/**
 * A one-time password as the server answered it: shown here once, never kept (closing forgets it).
 * The dialog does not close by a click outside, so it is not lost by accident.
 */
export function OneTimePassword({ issued, onClose }: { issued: IssuedPassword | undefined; onClose(): void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      opened={issued !== undefined}
      onClose={onClose}
      title={issued ? t('password.title', { username: issued.username }) : ''}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {issued && (
        <Stack>
          <Text size="sm">{t('password.intro', { name: issued.displayName, username: issued.username })}</Text>
          <TextInput
            label={t('password.label')}
            value={issued.password}
            readOnly
            ff="monospace"
            styles={{ input: { fontFamily: 'monospace', fontSize: '1.1rem' } }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Group justify="space-between" gap="xs">
            <CopyButton value={issued.password}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('password.copied') : t('password.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('password.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
