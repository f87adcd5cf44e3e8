import { Alert, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, type Language } from '../../../lib/format';
import { describeEvent } from '../../households/components/describe-event';
import type { HistoryEvent } from '../api/get-history-page';
import { type EventProofResult, summarise } from '../proofs/check-household-proofs';

interface ProofResultsProps {
  events: readonly HistoryEvent[];
  results: Record<string, EventProofResult>;
  done: boolean;
  keyId?: string;
}

const MARK: Record<EventProofResult['status'] | 'pending', string> = {
  proven: '✓',
  failed: '✗',
  not_covered: '…',
  error: '!',
  pending: '·',
};
const COLOR: Record<EventProofResult['status'] | 'pending', string | undefined> = {
  proven: 'teal.9',
  failed: 'red.9',
  not_covered: 'dimmed',
  error: 'red.9',
  pending: 'dimmed',
};

/** The summary of the in-browser check, then each event's ✓/✗ and, for a ✗, the step that failed. */
export function ProofResults({ events, results, done, keyId }: ProofResultsProps) {
  const { t, i18n } = useTranslation('audit');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const known = events.map((e) => results[e.eventId]).filter((r): r is EventProofResult => r !== undefined);
  const s = summarise(known);
  const n = (value: number) => formatNumber(value, language);
  const total = events.length;
  return (
    <Stack gap="sm">
      <div aria-live="polite">
        {!done && (
          <Stack gap={4}>
            <Text size="sm">{t('proofs.progress', { done: n(known.length), total: n(total) })}</Text>
            <Progress
              value={total ? Math.round((known.length / total) * 100) : 0}
              aria-label={t('proofs.progressLabel')}
            />
          </Stack>
        )}
        {done && total === 0 && <Text c="dimmed">{t('proofs.summary.empty')}</Text>}
        {done && total > 0 && s.failed === 0 && s.errors === 0 && s.proven === total && (
          <Alert color="teal" role="status" title={t('proofs.summary.allProven', { total: n(total) })}>
            <Text size="sm">{t('proofs.summary.allProvenDetail', { keyId: keyId ?? '—' })}</Text>
          </Alert>
        )}
        {done && total > 0 && s.proven < total && (
          <Alert
            color={s.failed > 0 || s.errors > 0 ? 'red' : 'yellow'}
            role={s.failed > 0 ? 'alert' : 'status'}
            title={
              s.failed > 0
                ? t('proofs.summary.failed', { failed: n(s.failed), total: n(total) })
                : t('proofs.summary.partial', { proven: n(s.proven), total: n(total) })
            }
          >
            {s.failed > 0 && (
              <Text size="sm">{t('proofs.summary.partial', { proven: n(s.proven), total: n(total) })}</Text>
            )}
            {s.notCovered > 0 && (
              <Text size="sm">{t('proofs.summary.notCovered', { notCovered: n(s.notCovered) })}</Text>
            )}
            {s.errors > 0 && <Text size="sm">{t('proofs.summary.errors', { errors: n(s.errors) })}</Text>}
          </Alert>
        )}
      </div>
      {total > 0 && (
        <Table.ScrollContainer minWidth={300}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('proofs.table.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {t('proofs.table.version')}
                </Table.Th>
                <Table.Th scope="col">{t('proofs.table.event')}</Table.Th>
                <Table.Th scope="col">{t('proofs.table.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => {
                const r = results[e.eventId];
                const status = r?.status ?? 'pending';
                return (
                  <Table.Tr key={e.eventId}>
                    <Table.Td ta="right">{e.version}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {describeEvent({ ...e, data: { ...(e.personal ?? {}), ...e.data } }, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={COLOR[status]}>
                        <span aria-hidden="true">{MARK[status]} </span>
                        {t(`proofs.status.${status}`)}
                      </Text>
                      <ResultDetail result={r} language={language} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function ResultDetail({ result, language }: { result: EventProofResult | undefined; language: Language }) {
  const { t } = useTranslation('audit');
  if (!result) return null;
  const line = (() => {
    switch (result.status) {
      case 'proven':
        return t('proofs.provenDetail', {
          treeSize: formatNumber(result.checkpoint.treeSize, language),
          date: formatDateTime(result.checkpoint.signedAt, language),
        });
      case 'failed':
        return t('proofs.failedAt', { step: t(`proofs.steps.${result.failedStep}`) });
      case 'not_covered':
        return t(`proofs.reasons.${result.reason}`);
      case 'error':
        return result.message;
    }
  })();
  return (
    <Text size="xs" c={result.status === 'failed' || result.status === 'error' ? 'red.9' : 'dimmed'}>
      {line}
    </Text>
  );
}
