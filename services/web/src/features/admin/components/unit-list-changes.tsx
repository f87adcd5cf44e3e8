import { Alert, Spoiler, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';

interface Changes {
  added: string[];
  changed: string[];
  abolished: string[];
  unchanged: number;
}

/** What a checked or loaded list changes: counts, then the codes added, changed and abolished. */
export function UnitListChanges({ title, changes }: { title: string; changes: Changes }) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const n = (v: number) => formatNumber(v, language);
  const codes = (label: string, list: string[]) =>
    list.length > 0 && (
      <div>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Spoiler maxHeight={48} showLabel={t('load.more')} hideLabel={t('load.less')}>
          <Text size="sm" ff="monospace">
            {list.join(', ')}
          </Text>
        </Spoiler>
      </div>
    );
  return (
    <Alert color="teal" title={title} role="status">
      <Stack gap="xs">
        <Text size="sm">
          {t('load.changes', {
            added: n(changes.added.length),
            changed: n(changes.changed.length),
            abolished: n(changes.abolished.length),
            unchanged: n(changes.unchanged),
          })}
        </Text>
        {codes(t('load.added'), changes.added)}
        {codes(t('load.changed'), changes.changed)}
        {codes(t('load.abolished'), changes.abolished)}
      </Stack>
    </Alert>
  );
}
