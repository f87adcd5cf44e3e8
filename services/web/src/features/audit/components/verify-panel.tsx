import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { type ChainVerification, useChainVerification } from '../api/verify-chain';
import { CheckpointCoverage } from './checkpoint-coverage';
import { verifyReason } from './verify-reason';

/** The stream's head as recorded beside it: a cut at the end of the chain shows here. */
function RecordedHead({ head }: { head: ChainVerification['head'] }) {
  const { t } = useTranslation('audit');
  if (!head) return <Text size="sm">{t('verify.noHead')}</Text>;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{t('verify.head', { version: head.version })}</Text>
      <Code title={head.hash}>{`${head.hash.slice(0, 16)}…`}</Code>
    </Group>
  );
}

/**
 * "Kiểm tra chuỗi băm": the server recomputes the chain and holds it against the latest signed
 * checkpoint; the answer is shown plainly — valid or where it breaks, the recorded head, the coverage.
 */
export function VerifyPanel({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const [asked, setAsked] = useState(false);
  const check = useChainVerification(householdId, asked);
  const result = check.data;
  const busy = check.isFetching;
  const checkedAt = (
    <Text size="xs" c="dimmed" mt={4}>
      {t('verify.checkedAt', { time: formatDateTime(new Date(check.dataUpdatedAt).toISOString(), language) })}
    </Text>
  );
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
      <Stack gap="sm" aria-live="polite">
        {busy && <Text c="dimmed">{t('verify.running')}</Text>}
        {!busy && check.isError && (
          <Alert color="red" role="alert" title={tc('states.error')}>
            {problemMessage(check.error, tc('states.error'))}
          </Alert>
        )}
        {!busy && result?.valid && (
          <Alert color="teal" title={t('verify.valid')} role="status">
            <Text size="sm">{t('verify.validDetail', { events: formatNumber(result.events, language) })}</Text>
            {checkedAt}
          </Alert>
        )}
        {!busy && result && !result.valid && (
          <Alert color="red" title={t('verify.invalid')} role="alert">
            <Text size="sm" fw={600}>
              {t('verify.invalidDetail', {
                version: result.firstInvalidVersion ?? '—',
                events: formatNumber(result.events, language),
              })}
            </Text>
            {result.reason && (
              <Text size="sm">{t('verify.reason', { reason: verifyReason(result.reason, language) })}</Text>
            )}
            {checkedAt}
          </Alert>
        )}
        {!busy && result && (
          <>
            <RecordedHead head={result.head} />
            <CheckpointCoverage checkpoint={result.checkpoint} />
          </>
        )}
      </Stack>
    </Stack>
  );
}
