import { Alert, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, type Language } from '../../../lib/format';
import type { ChainVerification } from '../api/verify-chain';

type Coverage = ChainVerification['checkpoint'];

function Count({ label, value, language }: { label: string; value: number; language: Language }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {formatNumber(value, language)}
      </Text>
    </div>
  );
}

/**
 * How the household stands against the latest signed checkpoint of the whole log: which checkpoint,
 * how many of its events it covers and proves, and how many came after it.
 */
export function CheckpointCoverage({ checkpoint }: { checkpoint: Coverage }) {
  const { t, i18n } = useTranslation('audit');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  if (!checkpoint) {
    return (
      <Alert color="gray" role="status" title={t('verify.checkpoint.none')}>
        <Text size="sm">{t('verify.checkpoint.noneDetail')}</Text>
      </Alert>
    );
  }
  const values = {
    date: formatDateTime(checkpoint.signedAt, language),
    treeSize: formatNumber(checkpoint.treeSize, language),
    keyId: checkpoint.keyId,
  };
  const sound = checkpoint.signatureValid && checkpoint.proven === checkpoint.covered;
  const headline = checkpoint.covered > 0 ? t('verify.checkpoint.securedBy', values) : undefined;
  return (
    <Alert
      color={sound ? (checkpoint.covered > 0 ? 'teal' : 'gray') : 'red'}
      title={headline}
      role={sound ? 'status' : 'alert'}
    >
      {checkpoint.covered === 0 && <Text size="sm">{t('verify.checkpoint.noneCovered', values)}</Text>}
      {!checkpoint.signatureValid && (
        <Text size="sm" fw={600}>
          {t('verify.checkpoint.signatureInvalid')}
        </Text>
      )}
      {checkpoint.firstUnprovenVersion !== undefined && (
        <Text size="sm" fw={600}>
          {t('verify.checkpoint.firstUnproven', { version: checkpoint.firstUnprovenVersion })}
        </Text>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="xs" mt="xs" mb={0}>
        <Count label={t('verify.checkpoint.covered')} value={checkpoint.covered} language={language} />
        <Count label={t('verify.checkpoint.proven')} value={checkpoint.proven} language={language} />
        <Count label={t('verify.checkpoint.notYetCovered')} value={checkpoint.notYetCovered} language={language} />
      </SimpleGrid>
    </Alert>
  );
}
