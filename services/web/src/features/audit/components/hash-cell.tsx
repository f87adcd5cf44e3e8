import { Button, Code, CopyButton, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A hash shortened to its first characters; the whole of it on demand, and a copy button. */
export function HashCell({ hash, version }: { hash: string; version: number }) {
  const { t } = useTranslation('audit');
  const [full, setFull] = useState(false);
  return (
    <Group gap={4} wrap="wrap" align="center">
      <Code title={full ? undefined : hash} style={{ wordBreak: 'break-all', maxWidth: full ? '28ch' : undefined }}>
        {full ? hash : `${hash.slice(0, 12)}…`}
      </Code>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-expanded={full}
        aria-label={t(full ? 'hash.hide' : 'hash.show', { version })}
        onClick={() => setFull((f) => !f)}
      >
        {t(full ? 'hash.hideShort' : 'hash.showShort')}
      </Button>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant="subtle"
            color={copied ? 'teal' : undefined}
            aria-label={copied ? t('hash.copied') : t('hash.copy', { version })}
            onClick={copy}
          >
            {copied ? t('hash.copied') : t('hash.copyShort')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
