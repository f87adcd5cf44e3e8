import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../../lib/auth';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { BrowserProofCheck } from './browser-proof-check';
import { HistoryPanel } from './history-panel';
import { StateAsOfPanel } from './state-as-of-panel';
import { VerifyPanel } from './verify-panel';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * An auditor's look at one household: the hash chain checked, its proofs checked in the browser, the
 * state on a date, every event.
 */
export function AuditEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const user = useUser();
  const id = household.householdId;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('title', { head: household.headName ?? household.householdCode ?? id })}</Title>
        <Button variant="default" onClick={onDone}>
          {tc('actions.back')}
        </Button>
      </Group>
      {(user.role === 'auditor' || user.role === 'admin') && (
        <Anchor component={Link} to={`/access-log?householdId=${id}`} size="sm">
          {t('accessLink')}
        </Anchor>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title={t('sections.verify')}>
          <VerifyPanel householdId={id} />
        </Section>
        <Section title={t('sections.asOf')}>
          <StateAsOfPanel householdId={id} />
        </Section>
      </SimpleGrid>
      {/* The log's proofs are for auditors only: a supervisor sees the server's check above, not these. */}
      {user.role === 'auditor' && (
        <Section title={t('proofs.title')}>
          <BrowserProofCheck householdId={id} />
        </Section>
      )}
      <Section title={t('sections.history')}>
        <HistoryPanel householdId={id} version={household.version} />
      </Section>
    </Stack>
  );
}
