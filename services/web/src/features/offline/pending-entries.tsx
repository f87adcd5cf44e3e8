import { Alert, Button, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { outbox } from '../../lib/offline/outbox';
import { useOutbox } from '../../lib/offline/use-outbox';

/**
 * What this device still holds for a household: entries waiting for the connection, and entries the
 * server found in conflict (the household changed meanwhile) — shown with both versions, for the user
 * to send again on top of the new version or discard.
 */
export function PendingEntries({
  householdId,
  current,
}: {
  householdId: string;
  current?: { version: number; summary: Record<string, unknown> } | undefined;
}) {
  const { t } = useTranslation('households');
  const entries = useOutbox(householdId);
  if (entries.length === 0) return null;
  return (
    <Stack gap="xs">
      {entries.map((e) =>
        e.status === 'pending' ? (
          <Alert key={e.id} color="yellow" title={t('household.pendingTitle')} role="status">
            <Text size="sm">
              {t(`household.actions.${e.kind}` as 'household.actions.review')} — {t('household.pendingHint')}
            </Text>
          </Alert>
        ) : (
          <Alert key={e.id} color="red" title={t('household.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {/* A round's entry has no household version to compare: its refusal says why. */}
                {e.status === 'conflict' && e.roundId === undefined
                  ? t('household.conflict', {
                      current: e.problem?.currentVersion ?? current?.version ?? '?',
                      yours: e.ifMatch ?? '?',
                    })
                  : t('household.refused', { detail: e.problem?.detail ?? e.problem?.code ?? '' })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>
                  <Title order={4} size="h6">
                    {t('household.yourEntry')}
                  </Title>
                  <Code block>{JSON.stringify(e.body, null, 2)}</Code>
                </div>
                {current && (
                  <div>
                    <Title order={4} size="h6">
                      {t('household.serverNow')}
                    </Title>
                    <Code block>{JSON.stringify({ version: current.version, ...current.summary }, null, 2)}</Code>
                  </div>
                )}
              </SimpleGrid>
              <Group>
                {e.status === 'conflict' && e.roundId === undefined && (
                  <Button size="xs" onClick={() => void outbox.retry(e.id, current?.version)}>
                    {t('household.sendAnyway')}
                  </Button>
                )}
                <Button size="xs" variant="default" onClick={() => void outbox.discard(e.id)}>
                  {t('household.discard')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ),
      )}
    </Stack>
  );
}
