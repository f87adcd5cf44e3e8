import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogKey } from '../api/get-log-key';

interface ServerKeyProps {
  serverKey: LogKey;
  used?: { keyId: string; source: 'server' | 'pasted' };
}

/**
 * The key the server names, in full, so the auditor can compare it character by character with the
 * one the operator published — and which key the proofs were actually checked with.
 */
export function ServerKey({ serverKey, used }: ServerKeyProps) {
  const { t } = useTranslation('audit');
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('proofs.serverKey')}
      </Text>
      <div>
        <Text size="xs" c="dimmed">
          {t('proofs.keyId')}
        </Text>
        <Code>{serverKey.keyId}</Code>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t('proofs.publicKey')}
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {serverKey.publicKey}
        </Code>
        <CopyButton value={serverKey.publicKey}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : undefined} mt={4} onClick={copy}>
              {copied ? t('proofs.copied') : t('proofs.copyKey')}
            </Button>
          )}
        </CopyButton>
      </div>
      {used?.source === 'server' && <Text size="sm">{t('proofs.usedServer', { keyId: used.keyId })}</Text>}
      {used?.source === 'pasted' && <Text size="sm">{t('proofs.usedPasted', { keyId: used.keyId })}</Text>}
      {used?.source === 'pasted' && used.keyId !== serverKey.keyId && (
        <Alert color="orange" role="alert">
          {t('proofs.keyMismatch', { serverKeyId: serverKey.keyId })}
        </Alert>
      )}
    </Stack>
  );
}
