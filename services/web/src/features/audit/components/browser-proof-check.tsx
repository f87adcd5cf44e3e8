import { parsePublicKey } from '@benvung/log-proof';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { useProofCheck } from '../proofs/use-proof-check';
import { ProofResults } from './proof-results';
import { ServerKey } from './server-key';

/**
 * "Kiểm tra bằng chứng ngay trong trình duyệt": every event's inclusion proof fetched and checked here,
 * with the key the server names or — better — the one the operator published and the auditor pastes.
 */
export function BrowserProofCheck({ householdId }: { householdId: string }) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const { state, run, busy } = useProofCheck(householdId);
  const [keyText, setKeyText] = useState('');
  const [keyError, setKeyError] = useState<string>();

  const start = () => {
    if (!keyText.trim()) return void run();
    try {
      void run(parsePublicKey(keyText));
    } catch {
      setKeyError(t('proofs.pasteInvalid'));
    }
  };

  return (
    <Stack gap="sm" maw={880}>
      <Text size="sm">{t('proofs.intro')}</Text>
      <Text size="sm" fw={600}>
        {t('proofs.keyWarning')}
      </Text>
      <TextInput
        label={t('proofs.pasteLabel')}
        description={t('proofs.pasteHint')}
        value={keyText}
        error={keyError}
        onChange={(event) => {
          setKeyText(event.currentTarget.value);
          setKeyError(undefined);
        }}
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <div>
        {/* The label is long: on a phone it wraps instead of running off the screen. */}
        <Button
          loading={busy}
          onClick={start}
          h="auto"
          mih={36}
          py={6}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        >
          {t('proofs.run')}
        </Button>
      </div>
      <div aria-live="polite">
        {state.phase === 'key' && <Text c="dimmed">{t('proofs.loadingKey')}</Text>}
        {state.phase === 'events' && <Text c="dimmed">{t('proofs.loadingEvents')}</Text>}
        {state.phase === 'error' && (
          <Alert color="red" role="alert" title={tc('states.error')}>
            {problemMessage(state.error, tc('states.error'))}
          </Alert>
        )}
      </div>
      {state.serverKey && <ServerKey serverKey={state.serverKey} used={state.used} />}
      {(state.phase === 'checking' || state.phase === 'done') && (
        <ProofResults
          events={state.events}
          results={state.results}
          done={state.phase === 'done'}
          keyId={state.used?.keyId}
        />
      )}
    </Stack>
  );
}
