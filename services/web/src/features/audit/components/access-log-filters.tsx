import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface AccessLogFilter {
  householdId: string;
  actorId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which household and which reader to show; applied on "Lọc", so typing does not query on each key. */
export function AccessLogFilters({
  value,
  onChange,
}: {
  value: AccessLogFilter;
  onChange(next: AccessLogFilter): void;
}) {
  const { t } = useTranslation('audit');
  const [householdId, setHouseholdId] = useState(value.householdId);
  const [actorId, setActorId] = useState(value.actorId);
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const h = householdId.trim();
    if (h && !UUID.test(h)) {
      setError(t('accessLog.householdIdInvalid'));
      return;
    }
    setError(undefined);
    onChange({ householdId: h, actorId: actorId.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('accessLog.householdId')}
          description={t('accessLog.householdIdHint')}
          value={householdId}
          onChange={(e) => setHouseholdId(e.currentTarget.value)}
          error={error}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          label={t('accessLog.actorId')}
          description={t('accessLog.actorIdHint')}
          value={actorId}
          onChange={(e) => setActorId(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit">{t('accessLog.filter')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setHouseholdId('');
            setActorId('');
            setError(undefined);
            onChange({ householdId: '', actorId: '' });
          }}
        >
          {t('accessLog.clear')}
        </Button>
      </Group>
    </form>
  );
}
