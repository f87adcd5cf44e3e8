import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OutboxEntry, outbox } from '../../lib/offline/outbox';

export type EntryKind =
  | 'review'
  | 'support'
  | 'note'
  | 'member'
  | 'move'
  | 'correction'
  | 'flag'
  | 'closure'
  | 'roundSurvey';

/**
 * Sends a household entry through the outbox: online it is sent at once (a refusal comes back to the
 * form); offline it waits on this device with its Idempotency-Key and If-Match and is sent later.
 * Resolves true when the entry is sent or safely kept (the form may close), false when refused.
 */
export function useSubmitEntry(householdId: string) {
  const { t } = useTranslation('offline');
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const submit = async (entry: {
    kind: EntryKind;
    path: string;
    body: unknown;
    ifMatch?: number | undefined;
    method?: OutboxEntry['method'];
    /** The review round the entry is part of (a survey): the round's screens follow it too. */
    roundId?: string | undefined;
    /** The same key for a resend of the same form (a second tap must not record twice). */
    key: string;
  }): Promise<boolean> => {
    setError(undefined);
    const result = await outbox.submit({
      id: entry.key,
      householdId,
      kind: entry.kind,
      method: entry.method ?? 'POST',
      path: entry.path,
      body: entry.body,
      ...(entry.ifMatch !== undefined ? { ifMatch: entry.ifMatch } : {}),
      ...(entry.roundId !== undefined ? { roundId: entry.roundId } : {}),
    });
    if (result.outcome === 'refused') {
      setError(result.problem?.detail ?? result.problem?.code ?? t('refused'));
      return false;
    }
    if (result.outcome === 'sent') {
      notifications.show({ color: 'teal', message: t('sent') });
      await queryClient.invalidateQueries({ queryKey: ['household', householdId] });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      if (entry.roundId !== undefined) await queryClient.invalidateQueries({ queryKey: ['review-rounds'] });
    } else if (result.outcome === 'kept') {
      notifications.show({ color: 'yellow', message: t('kept') });
    } else {
      notifications.show({ color: 'red', message: t('conflict') });
    }
    return true;
  };
  return { submit, error };
}
