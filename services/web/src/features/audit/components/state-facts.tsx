import { Accordion, Code, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, type Language } from '../../../lib/format';

/** The replayed state's facts, as the gateway's state view gives them (no event log, no free texts). */
interface StateView {
  status?: 'active' | 'closed' | 'unregistered';
  classification?: string;
  unitCode?: string;
  village?: string;
  area?: 'rural' | 'urban';
  memberCount?: number;
  registeredOn?: string;
  lastReview?: { effectiveDate: string; listYear: number; standardId: string } | null;
  escapes?: unknown[];
  relapses?: unknown[];
  unableToEscape?: { since: string } | null;
  loans?: Record<string, { outstandingVnd: number; status: string }>;
  supportCounts?: Record<string, number>;
  notes?: number;
  closedOn?: string;
}

const KINDS = [
  'loan',
  'training',
  'job_placement',
  'livelihood',
  'production',
  'health_insurance',
  'housing',
  'water_sanitation',
  'other',
] as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** A household as it stood after a version: the facts an auditor compares, and the whole view on demand. */
export function StateFacts({ state }: { state: Record<string, unknown> }) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const s = state as StateView;
  const loans = Object.values(s.loans ?? {});
  const outstanding = loans.reduce(
    (sum, l) => sum + (l.status === 'repaid' || l.status === 'written_off' ? 0 : l.outstandingVnd),
    0,
  );
  const support = KINDS.filter((k) => (s.supportCounts?.[k] ?? 0) > 0);
  const classification = `classification.${s.classification ?? 'unassessed'}` as 'classification.poor';
  return (
    <Stack gap="md">
      <SimpleGrid cols={2}>
        <Fact label={t('asOf.status')}>{t(`asOf.statuses.${s.status ?? 'unregistered'}`)}</Fact>
        <Fact label={t('asOf.classification')}>{tc(classification, { defaultValue: s.classification ?? '—' })}</Fact>
        <Fact label={t('asOf.unit')}>{s.unitCode ?? '—'}</Fact>
        <Fact label={t('asOf.village')}>{s.village ?? '—'}</Fact>
        <Fact label={t('asOf.area')}>{s.area ? tc(`area.${s.area}`) : '—'}</Fact>
        <Fact label={t('asOf.members')}>{formatNumber(s.memberCount, language)}</Fact>
        <Fact label={t('asOf.registeredOn')}>{formatDate(s.registeredOn, language)}</Fact>
        <Fact label={t('asOf.lastReview')}>
          {s.lastReview
            ? t('asOf.lastReviewText', {
                date: formatDate(s.lastReview.effectiveDate, language),
                listYear: s.lastReview.listYear,
                standard: s.lastReview.standardId,
              })
            : '—'}
        </Fact>
        <Fact label={t('asOf.escapes')}>{formatNumber(s.escapes?.length ?? 0, language)}</Fact>
        <Fact label={t('asOf.relapses')}>{formatNumber(s.relapses?.length ?? 0, language)}</Fact>
        <Fact label={t('asOf.flag')}>
          {s.unableToEscape
            ? t('asOf.flagSince', { date: formatDate(s.unableToEscape.since, language) })
            : t('asOf.none')}
        </Fact>
        <Fact label={t('asOf.loans')}>
          {loans.length > 0
            ? t('asOf.loansText', { count: loans.length, outstanding: formatMoney(outstanding, language) })
            : t('asOf.none')}
        </Fact>
        <Fact label={t('asOf.notes')}>{formatNumber(s.notes ?? 0, language)}</Fact>
        {s.status === 'closed' && <Fact label={t('asOf.closedOn')}>{formatDate(s.closedOn, language)}</Fact>}
      </SimpleGrid>
      <div>
        <Text size="xs" c="dimmed">
          {t('asOf.support')}
        </Text>
        {support.length === 0 ? (
          <Text>{t('asOf.noSupport')}</Text>
        ) : (
          <List size="sm">
            {support.map((k) => (
              <List.Item key={k}>
                {t(`asOf.supportKinds.${k}`)}: {formatNumber(s.supportCounts?.[k], language)}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <Accordion variant="contained">
        <Accordion.Item value="raw">
          <Accordion.Control>{t('asOf.raw')}</Accordion.Control>
          <Accordion.Panel>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {JSON.stringify(state, null, 2)}
            </Code>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
