import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useChainVerification } from '../api/verify-chain';
import { verifyReason } from './verify-reason';

/** "Kiểm tra chuỗi băm": the server recomputes the chain; the answer is shown plainly, valid or where it breaks. */
export function VerifyPanel({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const [asked, setAsked] = useState(false);
  const check = useChainVerification(householdId, asked);
  const result = check.data;
  const busy = check.isFetching;
  return (
    <Stack gap="sm" maw={720}>
      <Text size="sm">{t('verify.intro')}</Text>
      <div>
        <Button
          loading={busy}
          onClick={() => {
            if (asked) void check.refetch();
            else setAsked(true);
          }}
        >
          {t('verify.run')}
        </Button>
      </div>
      <div aria-live="polite">
        {busy && <Text c="dimmed">{t('verify.running')}</Text>}
        {!busy && check.isError && (
          <Alert color="red" role="alert" title={tc('states.error')}>
            {problemMessage(check.error, tc('states.error'))}
          </Alert>
        )}
        {!busy && result?.valid && (
          <Alert color="teal" title={t('verify.valid')} role="status">
            <Text size="sm">{t('verify.validDetail', { count: result.events })}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('verify.checkedAt', { time: formatDateTime(new Date(check.dataUpdatedAt).toISOString(), language) })}
            </Text>
          </Alert>
        )}
        {!busy && result && !result.valid && (
          <Alert color="red" title={t('verify.invalid')} role="alert">
            <Text size="sm" fw={600}>
              {t('verify.invalidDetail', { version: result.firstInvalidVersion ?? '—', count: result.events })}
            </Text>
            {result.reason && (
              <Text size="sm">{t('verify.reason', { reason: verifyReason(result.reason, language) })}</Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {t('verify.checkedAt', { time: formatDateTime(new Date(check.dataUpdatedAt).toISOString(), language) })}
            </Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
